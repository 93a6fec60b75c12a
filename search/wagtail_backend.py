"""Wagtail's own search (admin page search, snippet choosers) with Chinese substring matching.

The database backends of ``modelsearch`` tokenize on spaces, so Chinese text is one long "word".
This backend stores the same bigram + unigram stream our engines use and turns every query into
phrases of those tokens. It wraps whichever database backend fits the connection (SQLite FTS5 or
PostgreSQL); settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_backend"}}``."""

import types

from django.db import connection
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Or, Phrase, PlainText

from . import tokenize as tk
from .query import parse


def index_text(value):
    """What the database index stores instead of the raw text."""
    return f"{tk.grams(value)} {tk.unigrams(value)}".strip()


def _rebind(function, **names):
    """A copy of ``function`` that sees ``names`` instead of its module's globals of that name."""
    scope = dict(function.__globals__)
    scope.update(names)
    copy = types.FunctionType(function.__code__, scope, function.__name__, function.__defaults__,
                              function.__closure__)
    copy.__kwdefaults__ = function.__kwdefaults__
    return copy


def _indexer(base):
    class TokenizingIndexer(base):
        def prepare_value(self, value):
            return index_text(super().prepare_value(value))

    return TokenizingIndexer


def chinese_query(query_string):
    """Our parser's tokens as the backend's query objects (negative terms are not supported here)."""
    parsed = parse(query_string)
    if parsed.is_empty:
        return None
    clauses = []
    for clause in parsed.positive:
        alternatives = [And([Phrase(piece.text) for piece in alt]) if len(alt) > 1 else Phrase(alt[0].text)
                        for alt in clause.alternatives]
        clauses.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    return clauses[0] if len(clauses) == 1 else And(clauses)


class ChineseSearchMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = chinese_query(query)
        elif isinstance(query, PlainText):
            query = chinese_query(query.query_string)
        if query is None:
            return EmptySearchResults()
        kwargs.pop("operator", None)
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


def _sqlite_backend(params):
    from modelsearch.backends.database.sqlite import sqlite as base

    class ChineseSQLiteIndex(base.SQLiteIndex):
        add_items = _rebind(base.SQLiteIndex.add_items, ObjectIndexer=_indexer(base.ObjectIndexer))

    class ChineseAutocompleteCompiler(base.SQLiteAutocompleteQueryCompiler):
        LAST_TERM_IS_PREFIX = False

    class ChineseSQLiteBackend(ChineseSearchMixin, base.SQLiteSearchBackend):
        index_class = ChineseSQLiteIndex
        autocomplete_query_compiler_class = ChineseAutocompleteCompiler

    return ChineseSQLiteBackend(params)


def _postgres_backend(params):
    from modelsearch.backends.database.postgres import postgres as base

    class ChinesePostgresIndex(base.PostgresIndex):
        add_items = _rebind(base.PostgresIndex.add_items, ObjectIndexer=_indexer(base.ObjectIndexer))

    class ChinesePostgresBackend(ChineseSearchMixin, base.PostgresSearchBackend):
        index_class = ChinesePostgresIndex
        # Autocomplete there only does prefix lexemes; phrases over our tokens need the full search.
        autocomplete_query_compiler_class = base.PostgresSearchQueryCompiler

    return ChinesePostgresBackend(params)


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    if connection.vendor == "postgresql":
        return _postgres_backend(params)
    from modelsearch.backends.database.sqlite.utils import fts5_available

    if connection.vendor == "sqlite" and fts5_available():
        return _sqlite_backend(params)
    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    return DatabaseSearchBackend(params)
