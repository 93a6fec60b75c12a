"""The embedded engine's queries: parsed query → FTS5 MATCH expressions, filters, ranking, the page
of hits and the facets. The schema and writing are in ``embedded_index``."""

import datetime
import sqlite3

from .. import highlight
from ..units import SearchUnit
from .base import (
    COVER_BONUS,
    FACET_FIELDS,
    IN_FORCE_BONUS,
    KIND_BONUS,
    PHRASE_BONUS,
    RANKED_FIRST_TYPES,
    TITLE_BONUS,
    Hit,
    Results,
)
from .embedded_index import UNIT_COLUMNS

# ``w`` (jieba words of the title, domain terms of the body) joins the match so that whole words add
# to BM25; its tokens come from the same text, so a phrase can only match there if the text has it.
MATCH_COLUMNS = "{title_g label_g body_g w}"
BM25_WEIGHTS = "10.0, 5.0, 1.0, 0.5, 2.0"


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
    """Every quoted phrase, at least one of the other words (``query.matching()``), no excluded one."""
    parts = [_clause_sql(c) for c in query.required]
    matching = query.matching()
    if matching:
        parts.append("(" + " OR ".join(_clause_sql(c) for c in matching) + ")")
    negative = [_clause_sql(c) for c in query.negative]
    return " AND ".join(parts) + "".join(f" NOT {n}" for n in negative)


def _ranked_clauses(query):
    return query.required + [c for c in query.optional if c.strong] or query.positive


def title_expression(query):
    """All the query's words found in the title (characters via their grams in title_g too)."""
    return " AND ".join(_clause_sql(c, "{title_g}") for c in _ranked_clauses(query))


def _parse_date(value):
    return datetime.date.fromisoformat(value) if value else None


def _unit(row):
    data = dict(zip(UNIT_COLUMNS, row, strict=False))
    return SearchUnit(
        id=data["key"], source=data["source"], type=data["type"], title=data["title"] or "",
        text=data["text"] or "", label=data["label"] or "", url=data["url"] or "",
        version=data["version"] or "", valid_from=_parse_date(data["valid_from"]),
        valid_to=_parse_date(data["valid_to"]), status=data["status"] or "",
        category=data["category"] or "", issuer=data["issuer"] or "", township=data["township"] or "",
        village=data["village"] or "", visibility=data["visibility"] or "", doc_sort=data["doc_sort"] or "",
        unit_sort=data["unit_sort"] or 0)


class IndexSearcher:
    """Reading half of the engine; expects ``conn()`` from the engine."""

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
        if filters.started_by is not None:
            places = sorted(filters.draft_places)
            in_place = (f" OR meta.gid IN (SELECT gid FROM facet_groups WHERE township IN ({', '.join('?' * len(places))}) "
                        f"OR village IN ({', '.join('?' * len(places))}))") if places else ""
            where.append(f"(meta.valid_from IS NULL OR meta.valid_from <= ?{in_place})")
            params.extend([filters.started_by.isoformat(), *places, *places])
        if filters.visibility is not None:
            allowed = sorted(filters.visibility)
            where.append(f"meta.visibility IN ({', '.join('?' * len(allowed))})")
            params.extend(allowed)
        return where, params

    def _coverage(self, conn, query, expression):
        """Fills the scratch table ``cov`` with each matching unit's coverage: the summed weights of
        the optional words it has. Each word is matched only within the query's own matches."""
        conn.execute("DELETE FROM cov")
        optional = query.optional
        if len(optional) <= 1 and not query.phrase:
            return False
        for clause in optional:
            conn.execute("INSERT INTO cov (rowid, w) SELECT rowid, ? FROM fts WHERE fts MATCH ? "
                         "ON CONFLICT(rowid) DO UPDATE SET w = w + excluded.w",
                         [clause.weight * COVER_BONUS, f"({_clause_sql(clause)}) AND ({expression})"])
        if query.phrase:
            phrase = " AND ".join(_piece_sql(p) for p in query.phrase)
            conn.execute("INSERT INTO cov (rowid, w) SELECT rowid, ? FROM fts WHERE fts MATCH ? "
                         "ON CONFLICT(rowid) DO UPDATE SET w = w + excluded.w",
                         [PHRASE_BONUS, f"({phrase}) AND ({expression})"])
        return True

    def search(self, query, filters):
        if query.is_empty:
            return Results(0, [], {})
        conn = self.conn()
        where, params = self._filters(filters)
        where_sql = "".join(f" AND {w}" for w in where)
        day = filters.rank_day.isoformat()
        expression = match_expression(query)
        try:
            covered = self._coverage(conn, query, expression)
            cover_sql = "coalesce(cov.w, 0)" if covered else "0"
            cover_join = " LEFT JOIN cov ON cov.rowid = fts.rowid" if covered else ""
            kinds = ", ".join(f"'{t}'" for t in RANKED_FIRST_TYPES)
            # Ranking in one statement over fts ⋈ meta; the title set and the kinds are one-off
            # subqueries on small tables (title_fts rowids are titles rowids = meta.tid).
            score = (f"(-bm25(fts, {BM25_WEIGHTS}) + {cover_sql} + CASE WHEN meta.tid IN (SELECT rowid FROM "
                     f"title_fts WHERE title_fts MATCH ?) THEN {TITLE_BONUS} ELSE 0 END + CASE WHEN meta.gid IN "
                     f"(SELECT gid FROM facet_groups WHERE type IN ({kinds})) THEN {KIND_BONUS} ELSE 0 END + "
                     f"CASE WHEN (meta.valid_from IS NULL OR meta.valid_from <= ?) AND (meta.valid_to IS NULL OR "
                     f"meta.valid_to >= ?) THEN {IN_FORCE_BONUS} ELSE 0 END)")
            order = {
                "date": "vf IS NULL, vf DESC, ds, us",
                "order": "ds, vf, us",
            }.get(filters.sort, "score DESC, ds, us")
            # Collapsing: one GROUP BY; SQLite takes the bare columns of a max() aggregate from the row
            # holding the max, so the best unit stands for its group, with the group's size and the
            # number of groups alongside (a window over the groups only).
            page = conn.execute(
                f"WITH m AS MATERIALIZED (SELECT fts.rowid AS rid, {'meta.gkey' if filters.collapse else 'fts.rowid'} AS gkey, "
                f"meta.doc_sort AS ds, meta.unit_sort AS us, meta.valid_from AS vf, {score} AS score FROM fts "
                f"JOIN meta ON meta.rowid = fts.rowid{cover_join} WHERE fts MATCH ?{where_sql}) "
                f"SELECT rid, max(score) AS score, count(*) AS n, count(*) OVER () AS total, ds, us, vf FROM m "
                f"GROUP BY gkey ORDER BY {order} LIMIT ? OFFSET ?",
                [title_expression(query), day, day, expression, *params, filters.size, filters.offset]).fetchall()
            # Count and facets over units: one pass, grouped by a single integer; no bm25, no text read.
            groups = conn.execute(
                f"SELECT meta.gid, count(*) FROM fts JOIN meta ON meta.rowid = fts.rowid "
                f"WHERE fts MATCH ?{where_sql} GROUP BY meta.gid", [expression, *params]).fetchall()
            if page:
                total = page[0][3]
            elif filters.offset and groups:
                total = conn.execute(
                    f"SELECT count(DISTINCT {'meta.gkey' if filters.collapse else 'fts.rowid'}) FROM fts JOIN meta ON meta.rowid = fts.rowid "
                    f"WHERE fts MATCH ?{where_sql}", [expression, *params]).fetchone()[0]
            else:
                total = 0
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
        for rowid, score_value, size, *_ in page:
            if rowid not in units:
                continue  # removed by a writer between the two statements
            unit = _unit(units[rowid])
            hits.append(Hit(unit, float(score_value), highlight.snippet(unit.text or unit.title, patterns),
                            group_size=size))
        return Results(total, hits, facets, units=count)

    def count(self):
        return self.conn().execute("SELECT count(*) FROM units").fetchone()[0]

    def titles(self, limit=200):
        rows = self.conn().execute(
            "SELECT title FROM units WHERE visibility = 'public' GROUP BY title ORDER BY min(doc_sort) LIMIT ?",
            [limit])
        return [r[0] for r in rows]

    def sources(self):
        return {r[0] for r in self.conn().execute("SELECT DISTINCT source FROM units")}
