"""Putting the index back after a test. Index writes happen on commit and the index lives outside
the test database, so a test's writes would outlive its rolled-back transaction. ``isolated_index``
records the sources a test wrote and, after the rollback, recomputes them from the database as it
is again. Knows no content model: the fixtures and content builders are in ``tests/search_helpers.py``."""

import contextlib

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
