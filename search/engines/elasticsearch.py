"""The Elasticsearch engine (8.x, no plugins): the same pre-tokenized fields under the built-in
``whitespace`` analyzer, phrase queries over bigrams, facets as terms aggregations and highlighting
by the server (``text`` under the standard analyzer, which splits Chinese into characters)."""

import atexit
import datetime
import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import Date, Document, Integer, Keyword, Q, Search, Text

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
    SearchEngine,
    group_key,
    index_fields,
)

GRAM_FIELDS = ["title_g^10", "label_g^5", "body_g", "w^2"]
UNIT_FIELDS = ["source", "type", "title", "label", "text", "url", "version", "status", "category", "issuer",
               "township", "village", "visibility", "doc_sort", "unit_sort"]


class UnitDoc(Document):
    key = Keyword()
    source = Keyword()
    type = Keyword()
    title = Keyword()
    label = Keyword()
    text = Text(analyzer="standard", index_options="offsets")
    url = Keyword(index=False)
    version = Keyword()
    valid_from = Date()
    valid_to = Date()
    status = Keyword()
    category = Keyword()
    issuer = Keyword()
    township = Keyword()
    village = Keyword()
    visibility = Keyword()
    doc_sort = Keyword()
    unit_sort = Integer()
    gkey = Keyword()
    title_g = Text(analyzer="whitespace")
    title_u = Text(analyzer="whitespace")
    label_g = Text(analyzer="whitespace")
    body_g = Text(analyzer="whitespace")
    u = Text(analyzer="whitespace")
    w = Text(analyzer="whitespace")


def index_name():
    name = f"{settings.SEARCH_INDEX_PREFIX}-units"
    db_name = str(connection.settings_dict.get("NAME") or "")
    if db_name.startswith("test_") or "memory" in db_name:
        # One index per test process: parallel runs and reruns never see each other's data.
        name += f"-test-{os.getpid()}"
    return name.lower()


def _piece_query(piece):
    if piece.kind == "char":
        return Q("term", u=piece.tokens[0])
    return Q("multi_match", query=" ".join(piece.tokens), type="phrase", fields=GRAM_FIELDS)


def _title_piece(piece):
    if piece.kind == "char":
        return Q("term", title_u=piece.tokens[0])
    return Q("match_phrase", title_g=" ".join(piece.tokens))


def _clause_query(clause, piece_query=_piece_query):
    alternatives = [Q("bool", must=[piece_query(p) for p in alt]) for alt in clause.alternatives]
    return Q("bool", should=alternatives, minimum_should_match=1)


def _in_force(day):
    day = day.isoformat()
    return Q("bool", filter=[
        Q("bool", should=[Q("bool", must_not=[Q("exists", field="valid_from")]),
                          Q("range", valid_from={"lte": day})], minimum_should_match=1),
        Q("bool", should=[Q("bool", must_not=[Q("exists", field="valid_to")]),
                          Q("range", valid_to={"gte": day})], minimum_should_match=1),
    ])


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    def __init__(self):
        url = getattr(settings, "ES_URL", "") or os.environ.get("ES_URL", "")
        if not url:
            raise ImproperlyConfigured("SEARCH_ENGINE=elasticsearch 需要设置 ES_URL（如 http://127.0.0.1:9200）。")
        self.client = Elasticsearch(url, request_timeout=60)
        self._index = None
        self._ready = False

    @property
    def index(self):
        if self._index is None:
            self._index = index_name()
            if "-test-" in self._index:
                atexit.register(self._drop_quietly)
        return self._index

    def _drop_quietly(self):
        try:
            self.client.indices.delete(index=self._index, ignore_unavailable=True)
        except Exception:
            pass

    def _ensure(self):
        if not self._ready:
            if not self.client.indices.exists(index=self.index):
                self._create()
            self._ready = True

    def _create(self):
        UnitDoc.init(index=self.index, using=self.client)
        self.client.indices.put_settings(index=self.index, settings={"index": {"number_of_replicas": 0}})

    # --- writing --------------------------------------------------------------------------------
    def _actions(self, units):
        for unit in units:
            body = {"key": unit.id, **{f: getattr(unit, f) for f in UNIT_FIELDS}, **index_fields(unit),
                    "gkey": group_key(unit),
                    "valid_from": unit.valid_from.isoformat() if unit.valid_from else None,
                    "valid_to": unit.valid_to.isoformat() if unit.valid_to else None}
            yield {"_index": self.index, "_id": unit.id, "_source": body}

    def replace_source(self, source, units):
        self._ensure()
        units = list(units)
        keep = {u.id for u in units}
        self._delete_ids([i for i in self._source_ids(source) if i not in keep], refresh=not units)
        written = 0
        if units:
            written, _ = helpers.bulk(self.client, self._actions(units), refresh=True)
        return written

    def _source_ids(self, source):
        # _delete_by_query lives in the reindex module, which the minimal distribution lacks.
        hits = helpers.scan(self.client, index=self.index, query={"query": {"term": {"source": source}}},
                            _source=False, size=1000)
        return [hit["_id"] for hit in hits]

    def _delete_ids(self, doc_ids, refresh=True):
        if doc_ids:
            actions = ({"_op_type": "delete", "_index": self.index, "_id": i} for i in doc_ids)
            helpers.bulk(self.client, actions, refresh=refresh, raise_on_error=False)

    def bulk_index(self, units, batch_size=1000):
        self._ensure()
        written, _ = helpers.bulk(self.client, self._actions(units), chunk_size=batch_size, refresh=False)
        return written

    def delete_source(self, source):
        self._ensure()
        self._delete_ids(self._source_ids(source))

    def clear(self):
        self.client.indices.delete(index=self.index, ignore_unavailable=True)
        self._create()
        self._ready = True

    def finish_bulk(self):
        self.client.indices.refresh(index=self.index)

    # --- reading --------------------------------------------------------------------------------
    def _filters(self, filters):
        out = []
        if filters.types:
            out.append(Q("terms", type=list(filters.types)))
        for name in ("category", "issuer", "status", "township", "village"):
            value = getattr(filters, name)
            if value:
                out.append(Q("term", **{name: value}))
        if filters.on:
            out.append(_in_force(filters.on))
        if filters.started_by is not None:
            places = sorted(filters.draft_places)
            allowed = [Q("bool", must_not=[Q("exists", field="valid_from")]),
                       Q("range", valid_from={"lte": filters.started_by.isoformat()})]
            if places:
                allowed += [Q("terms", township=places), Q("terms", village=places)]
            out.append(Q("bool", should=allowed, minimum_should_match=1))
        if filters.visibility is not None:
            out.append(Q("terms", visibility=sorted(filters.visibility)))
        return out

    def search(self, query, filters):
        if query.is_empty:
            return Results(0, [], {})
        self._ensure()
        # The same reading as the embedded engine: every quoted phrase, at least one of the other
        # words, none of the excluded; then kind, coverage, phrase, title, in force, relevance.
        matching = query.matching()
        base = Q("bool", must=[_clause_query(c) for c in query.required],
                 should=[_clause_query(c) for c in matching], minimum_should_match=1 if matching else 0,
                 must_not=[_clause_query(c) for c in query.negative], filter=self._filters(filters))
        ranked = query.required + [c for c in query.optional if c.strong] or query.positive
        functions = [{"filter": Q("bool", must=[_clause_query(c, _title_piece) for c in ranked]).to_dict(),
                      "weight": TITLE_BONUS},
                     {"filter": Q("terms", type=RANKED_FIRST_TYPES).to_dict(), "weight": KIND_BONUS},
                     {"filter": _in_force(filters.rank_day).to_dict(), "weight": IN_FORCE_BONUS}]
        if len(query.optional) > 1 or query.phrase:
            functions.extend({"filter": _clause_query(c).to_dict(), "weight": c.weight * COVER_BONUS}
                             for c in query.optional)
        if query.phrase:
            functions.append({"filter": Q("bool", must=[_piece_query(p) for p in query.phrase]).to_dict(),
                              "weight": PHRASE_BONUS})
        scored = Q("function_score", query=base, functions=functions, score_mode="sum", boost_mode="sum")
        sort = {
            "date": [{"valid_from": {"order": "desc", "missing": "_last"}}, "doc_sort", "unit_sort"],
            "order": ["doc_sort", {"valid_from": {"order": "asc", "missing": "_first"}}, "unit_sort"],
        }.get(filters.sort, ["_score", "doc_sort", "unit_sort"])
        highlight_query = Q("bool", should=[Q("match_phrase", text=p.raw) for p in query.pieces()])
        s = (Search(using=self.client, index=self.index).query(scored).sort(*sort)
             .extra(track_total_hits=True, track_scores=True, from_=filters.offset, size=filters.size))
        if filters.collapse:
            s = s.extra(collapse={"field": "gkey", "inner_hits": {"name": "group", "size": 0}})
        s = (s
             .highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html",
                                fragment_size=highlight.SNIPPET_CHARS, number_of_fragments=1,
                                no_match_size=highlight.SNIPPET_CHARS,
                                highlight_query=highlight_query.to_dict())
             .highlight("text"))
        for name in FACET_FIELDS:
            s.aggs.bucket(name, "terms", field=name, size=60, order=[{"_count": "desc"}, {"_key": "asc"}])
        if filters.collapse:
            s.aggs.metric("groups", "cardinality", field="gkey", precision_threshold=40000)
        response = s.execute()
        patterns = query.patterns()
        hits = []
        for hit in response.hits:
            unit = self._unit(hit)
            fragments = list(getattr(getattr(hit.meta, "highlight", None), "text", []) or [])
            if fragments and "<mark>" in fragments[0]:
                snippet = highlight.merge_marks(fragments[0])
            else:
                snippet = highlight.snippet(unit.text or unit.title, patterns)
            group = getattr(getattr(hit.meta, "inner_hits", None), "group", None)
            size = group.hits.total.value if group is not None else 1
            hits.append(Hit(unit, float(hit.meta.score or 0), snippet, group_size=max(1, size)))
        facets = {}
        for name in FACET_FIELDS:
            buckets = getattr(response.aggregations, name).buckets
            facets[name] = [(b.key, b.doc_count) for b in buckets if b.key != ""]
        units = response.hits.total.value
        count = int(response.aggregations.groups.value) if filters.collapse else units
        return Results(count, hits, facets, units=units)

    def _unit(self, hit):
        data = hit.to_dict()

        def day(value):
            return datetime.date.fromisoformat(value[:10]) if value else None

        return SearchUnit(
            id=data.get("key") or hit.meta.id, source=data.get("source", ""), type=data.get("type", ""),
            title=data.get("title", ""), text=data.get("text", ""), label=data.get("label", ""),
            url=data.get("url", ""), version=data.get("version", ""), valid_from=day(data.get("valid_from")),
            valid_to=day(data.get("valid_to")), status=data.get("status", ""), category=data.get("category", ""),
            issuer=data.get("issuer", ""), township=data.get("township", ""), village=data.get("village", ""),
            visibility=data.get("visibility", ""), doc_sort=data.get("doc_sort", ""),
            unit_sort=data.get("unit_sort") or 0)

    def count(self):
        self._ensure()
        self.client.indices.refresh(index=self.index)
        return self.client.count(index=self.index)["count"]

    def titles(self, limit=200):
        self._ensure()
        s = Search(using=self.client, index=self.index).filter("term", visibility="public").extra(size=0)
        s.aggs.bucket("titles", "terms", field="title", size=limit, order={"first": "asc"}) \
            .metric("first", "min", field="unit_sort")
        try:
            return [b.key for b in s.execute().aggregations.titles.buckets]
        except NotFoundError:
            return []

    def sources(self):
        self._ensure()
        self.client.indices.refresh(index=self.index)
        s = Search(using=self.client, index=self.index).extra(size=0)
        s.aggs.bucket("sources", "terms", field="source", size=65000)
        return {b.key for b in s.execute().aggregations.sources.buckets}
