"""Wagtail's own search (admin page search, snippet choosers) with Chinese substring matching.

The database backends of ``modelsearch`` tokenize on spaces, so Chinese text is one long "word".
This backend stores the same bigram + unigram stream our engines use and turns every query into
phrases of those tokens. It wraps whichever database backend fits the connection (SQLite FTS5 or
PostgreSQL); settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_backend"}}``.

modelsearch builds its ``ObjectIndexer`` inside ``add_items`` with no hook to swap it, so this module
runs modelsearch's own ``add_items`` with our indexer in its globals (``_rebind``). That leans on
modelsearch's internals, so they are pinned: ``MODELSEARCH_VERSION`` and a fingerprint of each
function we wrap or override. ``pin_problems()`` lists every drift; the system check ``search.E001``
(``manage.py check``, run by ``runserver`` and ``migrate``) and tests/test_wagtail_backend.py fail on
it, so an upgrade cannot change the admin search silently: re-read the new source, then update the pins."""

import hashlib
import importlib
import inspect
import types
from importlib.metadata import PackageNotFoundError, version

from django.db import connection
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Or, Phrase, PlainText

from . import tokenize as tk
from .query import parse

MODELSEARCH_VERSION = "1.3.2"
# dotted path → (sha256 of its source, first 16 hex digits; names it must still read from its globals)
PINNED = {
    "modelsearch.backends.database.sqlite.sqlite.SQLiteIndex.add_items": ("6e4d599997a4aa05", {"ObjectIndexer"}),
    "modelsearch.backends.database.postgres.postgres.PostgresIndex.add_items": ("62bf7488351e3864", {"ObjectIndexer"}),
    "modelsearch.backends.base.BaseSearchBackend._search": ("b3a85a2b27624f5d", set()),
}


def _resolve(dotted):
    module_name, _, qualname = dotted.rpartition(".")
    owner = None
    while module_name:
        try:
            owner = importlib.import_module(module_name)
            break
        except ImportError:
            module_name, _, head = module_name.rpartition(".")
            qualname = f"{head}.{qualname}"
    for attribute in qualname.split("."):
        owner = getattr(owner, attribute)
    return owner


def global_names(code):
    """The names a function's code (and the comprehensions nested in it) may read as globals."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= global_names(const)
    return names


def fingerprint(function):
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]


# A database backend's module can only be imported on its own database (its models register with
# wagtailsearch only there), so each pin is checked where its backend can run.
VENDOR_MODULES = {".database.sqlite.": "sqlite", ".database.postgres.": "postgresql"}


def _applies(dotted, vendor):
    return all(vendor == needed for part, needed in VENDOR_MODULES.items() if part in dotted)


def pin_problems(pinned=PINNED, expected_version=MODELSEARCH_VERSION, vendor=None):
    """What no longer matches the modelsearch this module was written against ([] when all does)."""
    vendor = vendor or connection.vendor
    pinned = {dotted: pin for dotted, pin in pinned.items() if _applies(dotted, vendor)}
    problems = []
    try:
        installed = version("modelsearch")
    except PackageNotFoundError:
        installed = None
    if installed != expected_version:
        problems.append(f"modelsearch {installed} is installed; search.wagtail_backend is pinned to {expected_version}")
    for dotted, (digest, names) in pinned.items():
        try:
            function = _resolve(dotted)
        except (ImportError, AttributeError):
            problems.append(f"{dotted} no longer exists")
            continue
        if fingerprint(function) != digest:
            problems.append(f"{dotted} changed (source fingerprint {fingerprint(function)}, pinned {digest})")
        missing = names - global_names(function.__code__)
        if missing:
            problems.append(f"{dotted} no longer reads {', '.join(sorted(missing))}")
    return problems


def check_pins(app_configs=None, **kwargs):
    """System check search.E001: the admin search backend's pins still hold."""
    from django.core import checks

    return [checks.Error(problem, hint="Re-read the new modelsearch source, adapt search/wagtail_backend.py, "
                                       "then update MODELSEARCH_VERSION and PINNED.", id="search.E001")
            for problem in pin_problems()]


def index_text(value):
    """What the database index stores instead of the raw text."""
    return f"{tk.grams(value)} {tk.unigrams(value)}".strip()


def _rebind(function, **names):
    """A copy of ``function`` that sees ``names`` instead of its module's globals of that name."""
    unused = set(names) - global_names(function.__code__)
    if unused:  # the swap would silently do nothing
        raise RuntimeError(f"{function.__qualname__} no longer reads {', '.join(sorted(unused))}")
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
