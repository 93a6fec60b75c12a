"""Test support. Index writes happen on commit and the index lives outside the test database, so
a test's writes would outlive its rolled-back transaction. ``isolated_index`` records the sources a
test wrote and, after the rollback, recomputes them from the database as it is again."""

import contextlib

import pytest
from django.conf import settings
from django.core.cache import cache

from . import registry
from .models import CACHE_KEY


@contextlib.contextmanager
def journal():
    previous, registry._journal = registry._journal, set()
    sources = registry._journal
    try:
        yield sources
    finally:
        registry._journal = previous


def restore(sources):
    if "*" in sources:
        registry.reindex_all()
        return
    for source in sorted(sources):
        registry.reindex_source(source)


def isolated_index(django_db_blocker):
    """Generator for a pytest fixture that must be set up before ``db`` (so it tears down after it)."""
    cache.delete(CACHE_KEY)
    with journal() as sources:
        yield
    cache.delete(CACHE_KEY)
    if sources:
        with django_db_blocker.unblock():
            restore(sources)


@pytest.fixture(autouse=True)
def isolated_search_index(django_db_blocker):
    """Autouse in every module that imports it: the index is put back after each test."""
    yield from isolated_index(django_db_blocker)


def skip_without_engine():
    """Call at module level: suites on Elasticsearch need a server to talk to."""
    if settings.SEARCH_ENGINE == "elasticsearch" and not settings.ES_URL:
        pytest.skip("SEARCH_ENGINE=elasticsearch 但未设置 ES_URL", allow_module_level=True)


def make_regulation(title, versions, category="权力运行", issuer="中共习水县委组织部", publish=True):
    """A live regulation with ``versions``: [(label, effective_from, [article text, …]), …]."""
    from policies.models import RegulationCategory, RegulationIndexPage, RegulationPage, RegulationVersion
    from policies.versioning.structure import build_stream

    index = RegulationIndexPage.objects.first()
    if index is None:
        from cms.models import HomePage

        home = HomePage.objects.first()
        index = RegulationIndexPage(title="制度库", slug="zhidu")
        home.add_child(instance=index)
        index.save_revision().publish()
    cat, _ = RegulationCategory.objects.get_or_create(name=category)
    page = RegulationPage(title=title, issuer=issuer, category=cat)
    for label, start, texts in versions:
        body = build_stream([("chapter", "总则"), *[("article", [(t, [])]) for t in texts]])
        page.versions.add(RegulationVersion(label=label, effective_from=start, body=body))
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page
