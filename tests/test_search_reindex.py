"""The full reindex reads each provider's objects in batches (``units_for_many``): it must produce
exactly the units that ``units_for`` gives one object at a time (what publishing and saving use),
in a number of queries that does not grow with the number of objects."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import registry
from tests.search_helpers import isolated_search_index, skip_without_engine  # noqa: F401 - autouse fixture

skip_without_engine()

PROVIDERS = sorted(p.name for p in registry.providers())


def _provider(name):
    return next(p for p in registry.providers() if p.name == name)


def test_every_content_kind_has_a_provider():
    assert set(PROVIDERS) >= {"record", "reg", "task", "village", "vrule"}


@pytest.mark.parametrize("name", PROVIDERS)
def test_bulk_units_are_the_units_of_each_object(db, name):
    provider = _provider(name)
    objects = list(provider.all_objects())
    assert objects, f"the small demo has no {name} objects"
    one_by_one = [unit for obj in objects for unit in provider.units_for(obj)]
    assert one_by_one
    assert list(provider.units_for_many(list(provider.all_objects()))) == one_by_one


@pytest.mark.parametrize("name", PROVIDERS)
def test_bulk_queries_do_not_grow_with_the_objects(db, name):
    provider = _provider(name)
    objects = list(provider.all_objects())
    with CaptureQueriesContext(connection) as queries:
        list(provider.units_for_many(objects))
    # A handful per batch (parents, versions, rows, repeal dates), never one per object.
    assert len(queries) <= 8, [q["sql"][:120] for q in queries.captured_queries]


def test_a_full_reindex_writes_what_the_objects_give(db):
    expected = [unit for provider in registry.providers()
                for obj in provider.all_objects() for unit in provider.units_for(obj)]
    written = registry.reindex_all()
    assert written == len(expected)
    assert {u.source for u in expected} == set(registry.get_engine().sources())


def test_batches_cover_every_object_once():
    chunks = list(registry.batches(range(5), size=2))
    assert chunks == [[0, 1], [2, 3], [4]]
