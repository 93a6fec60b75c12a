"""The embedded engine's SQLite index: where the file lives, its schema (and the upgrade of an older
layout), and writing to it. Querying is in ``embedded_search``; the engine in ``embedded``."""

import atexit
import os
import sqlite3
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

from ..units import SearchUnit
from .base import FACET_FIELDS, group_key, index_fields

UNIT_COLUMNS = ["key", "source", "type", "title", "label", "text", "url", "version", "valid_from", "valid_to",
                "status", "category", "issuer", "township", "village", "visibility", "doc_sort", "unit_sort", "gkey"]
FTS_COLUMNS = ["title_g", "label_g", "body_g", "u", "w"]
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS units (
  rowid INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, source TEXT NOT NULL, type TEXT, title TEXT,
  label TEXT, text TEXT, url TEXT, version TEXT, valid_from TEXT, valid_to TEXT, status TEXT,
  category TEXT, issuer TEXT, township TEXT, village TEXT, visibility TEXT, doc_sort TEXT, unit_sort INTEGER,
  gkey TEXT);
CREATE INDEX IF NOT EXISTS units_source ON units(source);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5({", ".join(FTS_COLUMNS)}, tokenize='unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS titles (rowid INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE);
CREATE VIRTUAL TABLE IF NOT EXISTS title_fts USING fts5(title_g, title_u, tokenize='unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS facet_groups (gid INTEGER PRIMARY KEY, type TEXT NOT NULL, category TEXT NOT NULL,
  status TEXT NOT NULL, issuer TEXT NOT NULL, township TEXT NOT NULL, village TEXT NOT NULL,
  UNIQUE (type, category, status, issuer, township, village));
CREATE TABLE IF NOT EXISTS meta (rowid INTEGER PRIMARY KEY, gid INTEGER NOT NULL, tid INTEGER, visibility TEXT,
  valid_from TEXT, valid_to TEXT, doc_sort TEXT, unit_sort INTEGER, gkey TEXT);
"""
# Why ``meta``: ranking, filters, count and facets touch every matched row. Read from ``units`` (about
# 1 KB a row with the text) that costs more than the FTS5 match itself; ``meta`` is ~50 bytes a row and
# ``gid`` turns six text columns into one integer to GROUP BY. Filled from ``units`` by _fill_meta.
_GROUP_COLUMNS = ", ".join(f"coalesce(u.{f}, '')" for f in FACET_FIELDS)
_GROUP_JOIN = " AND ".join(f"g.{f} = coalesce(u.{f}, '')" for f in FACET_FIELDS)
# Per-connection scratch table: each match's coverage of the query's words (multi-word queries only).
SCRATCH = """
CREATE TEMP TABLE IF NOT EXISTS cov (rowid INTEGER PRIMARY KEY, w REAL NOT NULL);
"""
SCHEMA_VERSION = 4  # 4: units and meta carry the group key (collapsed results)
DROP_ALL = ("DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS units; DROP TABLE IF EXISTS titles; "
            "DROP TABLE IF EXISTS title_fts; DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS facet_groups;")
_temp_paths = []
INSERT_UNIT = f"INSERT INTO units ({', '.join(UNIT_COLUMNS)}) VALUES ({', '.join('?' * len(UNIT_COLUMNS))})"
INSERT_FTS = f"INSERT INTO fts (rowid, {', '.join(FTS_COLUMNS)}) VALUES ({', '.join('?' * (len(FTS_COLUMNS) + 1))})"


def default_path():
    configured = getattr(settings, "SEARCH_EMBEDDED_PATH", "") or os.environ.get("SEARCH_EMBEDDED_PATH", "")
    if configured:
        return str(configured)
    db = connection.settings_dict
    name = str(db.get("NAME") or "")
    testing = name.startswith("test_") or "memory" in name or "mode=memory" in name
    if testing or db.get("TEST", {}).get("NAME") == name:
        handle, path = tempfile.mkstemp(prefix=f"rulebook-search-{os.getpid()}-", suffix=".sqlite3")
        os.close(handle)
        _temp_paths.append(path)
        return path
    if db.get("ENGINE", "").endswith("sqlite3") and name:
        return f"{name}.search.sqlite3"
    var = Path(settings.BASE_DIR) / "var"
    var.mkdir(parents=True, exist_ok=True)
    return str(var / "search-index.sqlite3")


@atexit.register
def _remove_temp_files():
    for path in _temp_paths:
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(path + suffix)
            except OSError:
                pass


def _date(value):
    return value.isoformat() if value else None


def open_connection(path):
    """A connection with the current schema; an index of an unknown layout is rebuilt empty."""
    conn = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        # Derived data: an index of an older layout (no group keys) is rebuilt empty; search_reindex
        # fills it again.
        conn.executescript(DROP_ALL)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.executescript(SCHEMA)
    conn.executescript(SCRATCH)
    return conn


def _fill_meta(conn, where, params):
    """``meta`` rows for the units selected by ``where`` (on ``u``); their titles must be in ``titles``."""
    conn.execute(f"INSERT OR IGNORE INTO facet_groups ({', '.join(FACET_FIELDS)}) "
                 f"SELECT DISTINCT {_GROUP_COLUMNS} FROM units u WHERE {where}", params)
    conn.execute("INSERT INTO meta (rowid, gid, tid, visibility, valid_from, valid_to, doc_sort, unit_sort, gkey) "
                 "SELECT u.rowid, g.gid, t.rowid, u.visibility, u.valid_from, u.valid_to, u.doc_sort, u.unit_sort, "
                 "u.gkey "
                 f"FROM units u JOIN facet_groups g ON {_GROUP_JOIN} "
                 f"LEFT JOIN titles t ON t.title = coalesce(u.title, '') WHERE {where}", params)


def _rows(units):
    for unit in units:
        fields = index_fields(unit)
        row = [unit.id, unit.source, unit.type, unit.title, unit.label, unit.text, unit.url, unit.version,
               _date(unit.valid_from), _date(unit.valid_to), unit.status, unit.category, unit.issuer,
               unit.township, unit.village, unit.visibility, unit.doc_sort, unit.unit_sort, group_key(unit)]
        yield row, [fields[c] for c in FTS_COLUMNS]


def _delete_where(conn, where, params):
    # Row by row through the rowid: FTS5 does not use an index for "rowid IN (subquery)".
    rowids = [(r[0],) for r in conn.execute(f"SELECT rowid FROM units WHERE {where}", params)]
    if rowids:
        conn.executemany("DELETE FROM fts WHERE rowid = ?", rowids)
        conn.executemany("DELETE FROM meta WHERE rowid = ?", rowids)
        conn.executemany("DELETE FROM units WHERE rowid = ?", rowids)


def _add_title(conn, title):
    # Distinct titles in their own small FTS table: "title matches first" costs one tiny query.
    cursor = conn.execute("INSERT OR IGNORE INTO titles (title) VALUES (?)", [title or ""])
    if cursor.rowcount == 1:
        fields = index_fields(SearchUnit(id="", source="", type="", title=title or ""))
        conn.execute("INSERT INTO title_fts (rowid, title_g, title_u) VALUES (?, ?, ?)",
                     [cursor.lastrowid, fields["title_g"], fields["title_u"]])


def _write(conn, units):
    written = 0
    for row, fts in _rows(units):
        _delete_where(conn, "key = ?", [row[0]])
        rowid = conn.execute(INSERT_UNIT, row).lastrowid
        conn.execute(INSERT_FTS, [rowid, *fts])
        _add_title(conn, row[3])
        _fill_meta(conn, "u.rowid = ?", [rowid])
        written += 1
    return written


def _append(conn, batch):
    """Right after clear(): no old rows to replace, so rows go in with executemany."""
    start = (conn.execute("SELECT max(rowid) FROM units").fetchone()[0] or 0) + 1
    units, fts = [], []
    for offset, (row, fields) in enumerate(_rows(batch)):
        units.append([start + offset, *row])
        fts.append([start + offset, *fields])
    conn.executemany(f"INSERT INTO units (rowid, {', '.join(UNIT_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * (len(UNIT_COLUMNS) + 1))})", units)
    conn.executemany(INSERT_FTS, fts)
    seen = set()
    for unit_row in units:
        if unit_row[4] not in seen:
            seen.add(unit_row[4])
            _add_title(conn, unit_row[4])
    if units:
        _fill_meta(conn, "u.rowid BETWEEN ? AND ?", [start, units[-1][0]])
    return len(units)


def in_transaction(conn, work, *args):
    """``work(conn, *args)`` inside BEGIN IMMEDIATE … COMMIT (ROLLBACK on any error)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = work(conn, *args)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return result


class IndexWriter:
    """Writing half of the engine; expects ``conn()`` and ``_write_lock`` from the engine."""

    def replace_source(self, source, units):
        def replace(conn):
            _delete_where(conn, "source = ?", [source])
            return _write(conn, units)

        with self._write_lock:
            return in_transaction(self.conn(), replace)

    def bulk_index(self, units, batch_size=2000):
        written, batch = 0, []
        for unit in units:
            batch.append(unit)
            if len(batch) >= batch_size:
                written += self._bulk(batch)
                batch = []
        if batch:
            written += self._bulk(batch)
        return written

    def _bulk(self, batch):
        with self._write_lock:
            return in_transaction(self.conn(), _append if self._fresh else _write, batch)

    def delete_source(self, source):
        with self._write_lock:
            in_transaction(self.conn(), _delete_where, "source = ?", [source])

    def clear(self):
        with self._write_lock:
            self.conn().executescript(DROP_ALL + SCHEMA)
            self._fresh = True

    def finish_bulk(self):
        with self._write_lock:
            self._fresh = False
            self.conn().execute("INSERT INTO fts(fts) VALUES ('optimize')")
