"""The project's engine on the search-quality benchmark, beside the BM25 baseline in the same run.

Recall comes from what ``engine.search`` returns (the call the search page and the API make), with
records and identical clauses collapsed: a collapsed group takes one position and answers nothing.
The engine is measured with the demo synonym list (``search.synonym_seed``, what migration 0004
loads) and with an empty list, so the gain from the list is visible.

    .venv/bin/python -m benchmarks.search_quality.engine [--misses] [--engine embedded|elasticsearch]

Needs Django (``cms.settings.test`` unless DJANGO_SETTINGS_MODULE is set); the Elasticsearch run
needs ES_URL."""

import os
import sys
import tempfile


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()


def demo_synonyms():
    from search.models import Synonym, build_map
    from search.synonym_seed import EQUIVALENT, ONE_WAY

    rows = [(g[0], list(g[1:]), Synonym.EQUIVALENT) for g in EQUIVALENT]
    rows += [(short, list(longs), Synonym.ONE_WAY) for short, longs in ONE_WAY]
    return build_map(rows)


def _engine(name):
    if name == "elasticsearch":
        from search.engines.elasticsearch import ElasticsearchEngine

        engine = ElasticsearchEngine()
        engine._index = f"rulebook-bench-quality-{os.getpid()}"
        return engine
    from search.engines.embedded import EmbeddedEngine

    return EmbeddedEngine(path=tempfile.mktemp(prefix="quality-", suffix=".sqlite3"))


def make_rank_factory(engine_name="embedded", synonyms=None, limit=20):
    """``make_rank(units)`` for ``harness.measure``: a fresh index per corpus, ``engine.search``."""
    from search.engines.base import Filters
    from search.query import parse
    from search.units import SearchUnit

    def make_rank(units):
        engine = _engine(engine_name)
        engine.clear()
        engine.bulk_index([SearchUnit(id=u.id, source=u.id, type=u.kind, title=u.title, text=u.text)
                           for u in units])
        engine.finish_bulk()

        def rank(q):
            results = engine.search(parse(q, synonyms or {}), Filters(page_size=limit))
            return [h.unit.id if h.group_size == 1 else f"group:{h.unit.id}" for h in results.hits]

        return rank

    return make_rank


def run(engine_name="embedded", show_misses=False):
    _setup()
    from . import baseline, harness

    rows = {"BM25": harness.measure(lambda units: baseline.BM25(units).rank)}
    harness.print_table("BM25 over jieba (k1=1.2, b=0.75)", rows["BM25"])
    for label, synonyms in (("with the demo synonym list", demo_synonyms()), ("without synonyms", {})):
        key = f"engine.search ({engine_name}, {label})"
        rows[key] = harness.measure(make_rank_factory(engine_name, synonyms))
        harness.print_table(key, rows[key], show_misses)
    return rows


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    name = argv[argv.index("--engine") + 1] if "--engine" in argv else "embedded"
    run(name, show_misses="--misses" in argv)


if __name__ == "__main__":
    main()
