"""The admin search backend wraps modelsearch internals; the pins make an upgrade fail loudly."""

from django.core.management import call_command

from search import wagtail_backend as wb


def test_modelsearch_is_the_pinned_version_and_the_overridden_code_is_unchanged():
    assert wb.pin_problems() == []


def test_a_changed_function_or_version_is_reported():
    path = "modelsearch.backends.base.BaseSearchBackend._search"
    problems = wb.pin_problems(pinned={path: ("0" * 16, {"NoSuchGlobal"})}, expected_version="0.0.1")
    assert len(problems) == 3
    assert "pinned to 0.0.1" in problems[0]
    assert f"{path} changed" in problems[1]
    assert "no longer reads NoSuchGlobal" in problems[2]
    assert "no longer exists" in wb.pin_problems(pinned={"modelsearch.backends.base.Gone.f": ("", set())})[-1]


def test_the_system_check_passes_on_the_pinned_version():
    call_command("check", "--fail-level", "ERROR")
    assert wb.check_pins() == []


def test_rebinding_refuses_a_name_the_function_does_not_read():
    def f():
        return 1

    try:
        wb._rebind(f, ObjectIndexer=object)
    except RuntimeError as error:
        assert "ObjectIndexer" in str(error)
    else:
        raise AssertionError("rebinding a name the function never reads must fail")


def test_tokenizing_indexer_stores_grams():
    # Each database backend's module can only be imported on its own database.
    from django.db import connection

    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres import postgres as base
    else:
        from modelsearch.backends.database.sqlite import sqlite as base

    indexer = wb._indexer(base.ObjectIndexer).__new__(wb._indexer(base.ObjectIndexer))
    assert indexer.prepare_value("说事") == wb.index_text("说事")
    assert "说事" in wb.index_text("鹊桥说事")
