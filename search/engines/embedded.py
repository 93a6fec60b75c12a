"""The embedded engine: SQLite FTS5 in its own file beside the database (never inside it, so that a
PostgreSQL site and the test database's rollbacks are unaffected). Text is pre-tokenized in Python
(bigrams, unigrams, jieba words) and stored space-separated under the ``unicode61`` tokenizer; the
trigram tokenizer of SQLite 3.40 silently returns nothing for two-character LIKE patterns.

The index file (schema, upgrade, writing) is ``embedded_index``; queries and ranking are
``embedded_search``. This module joins them into the engine and keeps the names importable here."""

import threading

from .base import SearchEngine
from .embedded_index import (  # noqa: F401 - re-exported: the engine's import path stays search.engines.embedded
    DROP_ALL,
    FTS_COLUMNS,
    SCHEMA,
    SCHEMA_VERSION,
    UNIT_COLUMNS,
    IndexWriter,
    default_path,
    open_connection,
)
from .embedded_search import (  # noqa: F401 - re-exported, see above (benchmarks import these)
    BM25_WEIGHTS,
    MATCH_COLUMNS,
    IndexSearcher,
    match_expression,
    title_expression,
)


class EmbeddedEngine(IndexWriter, IndexSearcher, SearchEngine):
    name = "embedded"

    def __init__(self, path=None):
        self._path = path
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._fresh = False  # between clear() and finish_bulk(): nothing to replace

    @property
    def path(self):
        if self._path is None:
            self._path = default_path()
        return self._path

    def conn(self):
        """One connection per thread, opened (and the schema checked) on first use."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = open_connection(self.path)
        return conn
