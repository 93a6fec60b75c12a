"""The embedded engine: SQLite FTS5 in its own file beside the database (never inside it, so that a
PostgreSQL site and the test database's rollbacks are unaffected). Text is pre-tokenized in Python
(bigrams, unigrams, jieba words) and stored space-separated under the ``unicode61`` tokenizer; the
trigram tokenizer of SQLite 3.40 silently returns nothing for two-character LIKE patterns."""

import atexit
import datetime
import os
import sqlite3
import tempfile
import threading
from pathlib import Path

from django.conf import settings
from django.db import connection

from .. import highlight
from ..units import SearchUnit
from .base import (
    FACET_FIELDS,
    IN_FORCE_BONUS,
    PHRASE_BONUS,
    TITLE_BONUS,
    Hit,
    Results,
    SearchEngine,
    index_fields,
)

UNIT_COLUMNS = ["key", "source", "type", "title", "label", "text", "url", "version", "valid_from", "valid_to",
                "status", "category", "issuer", "township", "village", "visibility", "doc_sort", "unit_sort"]
FTS_COLUMNS = ["title_g", "label_g", "body_g", "u", "w"]
# ``w`` (jieba words of the title, domain terms of the body) joins the match so that whole words add
# to BM25; its tokens come from the same text, so a phrase can only match there if the text has it.
MATCH_COLUMNS = "{title_g label_g body_g w}"
BM25_WEIGHTS = "10.0, 5.0, 1.0, 0.5, 2.0"
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS units (
  rowid INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, source TEXT NOT NULL, type TEXT, title TEXT,
  label TEXT, text TEXT, url TEXT, version TEXT, valid_from TEXT, valid_to TEXT, status TEXT,
  category TEXT, issuer TEXT, township TEXT, village TEXT, visibility TEXT, doc_sort TEXT, unit_sort INTEGER);
CREATE INDEX IF NOT EXISTS units_source ON units(source);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5({", ".join(FTS_COLUMNS)}, tokenize='unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS titles (rowid INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE);
CREATE VIRTUAL TABLE IF NOT EXISTS title_fts USING fts5(title_g, title_u, tokenize='unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS facet_groups (gid INTEGER PRIMARY KEY, type TEXT NOT NULL, category TEXT NOT NULL,
  status TEXT NOT NULL, issuer TEXT NOT NULL, township TEXT NOT NULL, village TEXT NOT NULL,
  UNIQUE (type, category, status, issuer, township, village));
CREATE TABLE IF NOT EXISTS meta (rowid INTEGER PRIMARY KEY, gid INTEGER NOT NULL, tid INTEGER, visibility TEXT,
  valid_from TEXT, valid_to TEXT, doc_sort TEXT, unit_sort INTEGER);
"""
# Why ``meta``: ranking, filters, count and facets touch every matched row. Read from ``units`` (about
# 1 KB a row with the text) that costs more than the FTS5 match itself; ``meta`` is ~50 bytes a row and
# ``gid`` turns six text columns into one integer to GROUP BY. Filled from ``units`` by _fill_meta.
_GROUP_COLUMNS = ", ".join(f"coalesce(u.{f}, '')" for f in FACET_FIELDS)
_GROUP_JOIN = " AND ".join(f"g.{f} = coalesce(u.{f}, '')" for f in FACET_FIELDS)
# Per-connection scratch table: rows holding the whole query as one phrase (multi-term queries only).
SCRATCH = """
CREATE TEMP TABLE IF NOT EXISTS mp (rowid INTEGER PRIMARY KEY);
"""
SCHEMA_VERSION = 3
DROP_ALL = ("DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS units; DROP TABLE IF EXISTS titles; "
            "DROP TABLE IF EXISTS title_fts; DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS facet_groups;")
_temp_paths = []


def _quote(token):
    # Tokens only ever hold CJK characters, latin letters and digits; quoting makes them literal.
    return '"' + token.replace('"', "") + '"'


def _piece_sql(piece):
    if piece.kind == "char":
        return f"u : {_quote(piece.tokens[0])}"
    return f"{MATCH_COLUMNS} : {_quote(' '.join(piece.tokens))}"


def _alternative_sql(pieces, columns=None):
    if columns:
        parts = [f"{'{title_u}' if p.kind == 'char' else columns} : {_quote(' '.join(p.tokens))}" for p in pieces]
    else:
        parts = [_piece_sql(p) for p in pieces]
    return "(" + " AND ".join(parts) + ")"


def _clause_sql(clause, columns=None):
    return "(" + " OR ".join(_alternative_sql(a, columns) for a in clause.alternatives) + ")"


def match_expression(query):
    positive = " AND ".join(_clause_sql(c) for c in query.positive)
    negative = [_clause_sql(c) for c in query.negative]
    return positive + "".join(f" NOT {n}" for n in negative)


def title_expression(query):
    """All positive terms found in the title (characters via their grams in title_g too)."""
    return " AND ".join(_clause_sql(c, "{title_g}") for c in query.positive)


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


def _parse_date(value):
    return datetime.date.fromisoformat(value) if value else None


class EmbeddedEngine(SearchEngine):
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
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (2, SCHEMA_VERSION):
                # Derived data: an index of an older layout is rebuilt empty (search_reindex fills it).
                conn.executescript(DROP_ALL)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.executescript(SCHEMA)
            conn.executescript(SCRATCH)
            if version == 2:
                self._upgrade_from_2(conn)
            self._local.conn = conn
        return conn

    def _upgrade_from_2(self, conn):
        """Version 2 lacked ``meta``: derive it from ``units`` in place (≈0.2 s per 100k units)."""
        # No _write_lock here: conn() is also called by writers that already hold it.
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] == 2:
                conn.execute("DELETE FROM meta")
                self._fill_meta(conn, "1", [])
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    # --- writing --------------------------------------------------------------------------------
    def _rows(self, units):
        for unit in units:
            fields = index_fields(unit)
            row = [unit.id, unit.source, unit.type, unit.title, unit.label, unit.text, unit.url, unit.version,
                   _date(unit.valid_from), _date(unit.valid_to), unit.status, unit.category, unit.issuer,
                   unit.township, unit.village, unit.visibility, unit.doc_sort, unit.unit_sort]
            yield row, [fields[c] for c in FTS_COLUMNS]

    def _delete_where(self, conn, where, params):
        # Row by row through the rowid: FTS5 does not use an index for "rowid IN (subquery)".
        rowids = [(r[0],) for r in conn.execute(f"SELECT rowid FROM units WHERE {where}", params)]
        if rowids:
            conn.executemany("DELETE FROM fts WHERE rowid = ?", rowids)
            conn.executemany("DELETE FROM meta WHERE rowid = ?", rowids)
            conn.executemany("DELETE FROM units WHERE rowid = ?", rowids)

    def _fill_meta(self, conn, where, params):
        """``meta`` rows for the units selected by ``where`` (on ``u``); their titles must be in ``titles``."""
        conn.execute(f"INSERT OR IGNORE INTO facet_groups ({', '.join(FACET_FIELDS)}) "
                     f"SELECT DISTINCT {_GROUP_COLUMNS} FROM units u WHERE {where}", params)
        conn.execute("INSERT INTO meta (rowid, gid, tid, visibility, valid_from, valid_to, doc_sort, unit_sort) "
                     "SELECT u.rowid, g.gid, t.rowid, u.visibility, u.valid_from, u.valid_to, u.doc_sort, u.unit_sort "
                     f"FROM units u JOIN facet_groups g ON {_GROUP_JOIN} "
                     f"LEFT JOIN titles t ON t.title = coalesce(u.title, '') WHERE {where}", params)

    def _write(self, conn, units):
        written = 0
        insert_unit = f"INSERT INTO units ({', '.join(UNIT_COLUMNS)}) VALUES ({', '.join('?' * len(UNIT_COLUMNS))})"
        insert_fts = f"INSERT INTO fts (rowid, {', '.join(FTS_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)"
        for row, fts in self._rows(units):
            self._delete_where(conn, "key = ?", [row[0]])
            rowid = conn.execute(insert_unit, row).lastrowid
            conn.execute(insert_fts, [rowid, *fts])
            self._add_title(conn, row[3])
            self._fill_meta(conn, "u.rowid = ?", [rowid])
            written += 1
        return written

    def _add_title(self, conn, title):
        # Distinct titles in their own small FTS table: "title matches first" costs one tiny query.
        cursor = conn.execute("INSERT OR IGNORE INTO titles (title) VALUES (?)", [title or ""])
        if cursor.rowcount == 1:
            fields = index_fields(SearchUnit(id="", source="", type="", title=title or ""))
            conn.execute("INSERT INTO title_fts (rowid, title_g, title_u) VALUES (?, ?, ?)",
                         [cursor.lastrowid, fields["title_g"], fields["title_u"]])

    def replace_source(self, source, units):
        with self._write_lock:
            conn = self.conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                self._delete_where(conn, "source = ?", [source])
                written = self._write(conn, units)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return written

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
            conn = self.conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                if self._fresh:
                    written = self._append(conn, batch)
                else:
                    written = self._write(conn, batch)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return written

    def _append(self, conn, batch):
        """Right after clear(): no old rows to replace, so rows go in with executemany."""
        start = (conn.execute("SELECT max(rowid) FROM units").fetchone()[0] or 0) + 1
        units, fts = [], []
        for offset, (row, fields) in enumerate(self._rows(batch)):
            units.append([start + offset, *row])
            fts.append([start + offset, *fields])
        conn.executemany(f"INSERT INTO units (rowid, {', '.join(UNIT_COLUMNS)}) "
                         f"VALUES ({', '.join('?' * (len(UNIT_COLUMNS) + 1))})", units)
        conn.executemany(f"INSERT INTO fts (rowid, {', '.join(FTS_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)", fts)
        seen = set()
        for unit_row in units:
            if unit_row[4] not in seen:
                seen.add(unit_row[4])
                self._add_title(conn, unit_row[4])
        if units:
            self._fill_meta(conn, "u.rowid BETWEEN ? AND ?", [start, units[-1][0]])
        return len(units)

    def delete_source(self, source):
        with self._write_lock:
            conn = self.conn()
            conn.execute("BEGIN IMMEDIATE")
            self._delete_where(conn, "source = ?", [source])
            conn.execute("COMMIT")

    def clear(self):
        with self._write_lock:
            conn = self.conn()
            conn.executescript(DROP_ALL + SCHEMA)
            self._fresh = True

    def finish_bulk(self):
        with self._write_lock:
            self._fresh = False
            self.conn().execute("INSERT INTO fts(fts) VALUES ('optimize')")

    # --- reading --------------------------------------------------------------------------------
    def _filters(self, filters):
        """Conditions on ``meta`` (facet fields through their group ids)."""
        where, params, group_where = [], [], []
        if filters.types:
            group_where.append(f"type IN ({', '.join('?' * len(filters.types))})")
            params.extend(filters.types)
        for name in ("category", "issuer", "status", "township", "village"):
            value = getattr(filters, name)
            if value:
                group_where.append(f"{name} = ?")
                params.append(value)
        if group_where:
            where.append(f"meta.gid IN (SELECT gid FROM facet_groups WHERE {' AND '.join(group_where)})")
        if filters.on:
            where.append("(meta.valid_from IS NULL OR meta.valid_from <= ?) AND "
                         "(meta.valid_to IS NULL OR meta.valid_to >= ?)")
            params.extend([filters.on.isoformat()] * 2)
        if filters.visibility is not None:
            allowed = sorted(filters.visibility)
            where.append(f"meta.visibility IN ({', '.join('?' * len(allowed))})")
            params.extend(allowed)
        return where, params

    def search(self, query, filters):
        if query.is_empty:
            return Results(0, [], {})
        conn = self.conn()
        where, params = self._filters(filters)
        where_sql = "".join(f" AND {w}" for w in where)
        day = filters.rank_day.isoformat()
        expression = match_expression(query)
        try:
            phrase_sql = "0"
            if query.phrase:
                conn.execute("DELETE FROM mp")
                conn.execute("INSERT INTO mp SELECT rowid FROM fts WHERE fts MATCH ?",
                             [" AND ".join(_piece_sql(p) for p in query.phrase)])
                phrase_sql = f"CASE WHEN fts.rowid IN (SELECT rowid FROM mp) THEN {PHRASE_BONUS} ELSE 0 END"
            # Ranking, order and the page in one statement over fts ⋈ meta; the title set is a
            # one-off subquery on the small title index (title_fts rowids are titles rowids = meta.tid).
            score = (f"(-bm25(fts, {BM25_WEIGHTS}) + CASE WHEN meta.tid IN (SELECT rowid FROM title_fts WHERE "
                     f"title_fts MATCH ?) THEN {TITLE_BONUS} ELSE 0 END + {phrase_sql} + CASE WHEN "
                     f"(meta.valid_from IS NULL OR meta.valid_from <= ?) AND (meta.valid_to IS NULL OR "
                     f"meta.valid_to >= ?) THEN {IN_FORCE_BONUS} ELSE 0 END)")
            order = {
                "date": "meta.valid_from IS NULL, meta.valid_from DESC, meta.doc_sort, meta.unit_sort",
                "order": "meta.doc_sort, meta.valid_from, meta.unit_sort",
            }.get(filters.sort, "score DESC, meta.doc_sort, meta.unit_sort")
            page = conn.execute(
                f"SELECT fts.rowid, {score} AS score FROM fts JOIN meta ON meta.rowid = fts.rowid "
                f"WHERE fts MATCH ?{where_sql} ORDER BY {order} LIMIT ? OFFSET ?",
                [title_expression(query), day, day, expression, *params, filters.size, filters.offset]).fetchall()
            # Count and facets: one pass, grouped by a single integer; no bm25, no text read.
            groups = conn.execute(
                f"SELECT meta.gid, count(*) FROM fts JOIN meta ON meta.rowid = fts.rowid "
                f"WHERE fts MATCH ?{where_sql} GROUP BY meta.gid", [expression, *params]).fetchall()
            values = {}
            if groups:
                gids = [g[0] for g in groups]
                values = {r[0]: r[1:] for r in conn.execute(
                    f"SELECT gid, {', '.join(FACET_FIELDS)} FROM facet_groups "
                    f"WHERE gid IN ({', '.join('?' * len(gids))})", gids)}
            # Text columns only for the page shown.
            units = {}
            if page:
                units = {r[0]: r[1:] for r in conn.execute(
                    f"SELECT rowid, {', '.join(UNIT_COLUMNS)} FROM units "
                    f"WHERE rowid IN ({', '.join('?' * len(page))})", [r[0] for r in page])}
        except sqlite3.OperationalError as exc:
            # The expression is built from quoted tokens only; this is a safety net, not a code path.
            if "fts5" in str(exc) or "syntax" in str(exc):
                return Results(0, [], {})
            raise
        count, facets = 0, {name: {} for name in FACET_FIELDS}
        for gid, n in groups:
            count += n
            for name, value in zip(FACET_FIELDS, values.get(gid, ()), strict=False):
                if value:
                    facets[name][value] = facets[name].get(value, 0) + n
        facets = {name: sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:60]
                  for name, found in facets.items()}
        patterns = query.patterns()
        hits = []
        for rowid, score_value in page:
            if rowid not in units:
                continue  # removed by a writer between the two statements
            unit = self._unit(units[rowid])
            hits.append(Hit(unit, float(score_value), highlight.snippet(unit.text or unit.title, patterns)))
        return Results(count, hits, facets)

    def _unit(self, row):
        data = dict(zip(UNIT_COLUMNS, row, strict=False))
        return SearchUnit(
            id=data["key"], source=data["source"], type=data["type"], title=data["title"] or "",
            text=data["text"] or "", label=data["label"] or "", url=data["url"] or "",
            version=data["version"] or "", valid_from=_parse_date(data["valid_from"]),
            valid_to=_parse_date(data["valid_to"]), status=data["status"] or "",
            category=data["category"] or "", issuer=data["issuer"] or "", township=data["township"] or "",
            village=data["village"] or "", visibility=data["visibility"] or "", doc_sort=data["doc_sort"] or "",
            unit_sort=data["unit_sort"] or 0)

    def count(self):
        return self.conn().execute("SELECT count(*) FROM units").fetchone()[0]

    def titles(self, limit=200):
        rows = self.conn().execute(
            "SELECT title FROM units WHERE visibility = 'public' GROUP BY title ORDER BY min(doc_sort) LIMIT ?",
            [limit])
        return [r[0] for r in rows]

    def sources(self):
        return {r[0] for r in self.conn().execute("SELECT DISTINCT source FROM units")}
