"""Measures any engine on the benchmark's queries, with and without the noise units.

An engine is given as ``make_rank(units) -> rank``: it indexes the units (corpus.Unit: id, kind,
title, text) and returns ``rank(query) -> list of unit ids``, best first. The BM25 baseline and
the project's engine are measured by the same function, so their tables compare line by line."""

from . import corpus, metrics, questions

TAGS = ["qword", "apart", "punct", "trad", "abbrev", "synonym", "number"]


def measure(make_rank, k=5):
    """[(query set, with noise?, unit count, metrics.Score, {tag: Score})] for natural and exact."""
    questions.check()
    rows = []
    for noise in (False, True):
        units = corpus.units(noise=noise)
        rank = make_rank(units)
        for name, queries in (("natural", questions.natural()), ("exact", questions.exact())):
            by_tag = {}
            if name == "natural":
                for tag in TAGS:
                    tagged = [(q, ids) for q, ids, tags in questions.NATURAL if tag in tags]
                    by_tag[tag] = metrics.evaluate(rank, tagged, k)
            rows.append((name, noise, len(units), metrics.evaluate(rank, queries, k), by_tag))
    return rows


def print_table(label, rows, show_misses=False):
    print(f"\n### {label}\n")
    print("| 查询集 | 索引 | 单元数 | 查询数 | recall@5 | 前5命中 | MRR |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, noise, n_units, s, _by_tag in rows:
        index = "条文+记录" if noise else "仅条文"
        print(f"| {name} | {index} | {n_units} | {s.total} | {s.recall:.3f} | {s.found}/{s.total} | {s.mrr:.3f} |")
    print("\n自然问句按难点分组的 recall@5（仅条文 / 条文+记录）：")
    natural = [r for r in rows if r[0] == "natural"]
    for tag in TAGS:
        figures = " / ".join(f"{r[4][tag].recall:.2f}" for r in natural)
        print(f"- {tag} ({natural[0][4][tag].total} 问): {figures}")
    if show_misses:
        for name, noise, _n, s, _by_tag in rows:
            for query, expected, top in s.misses:
                print(f"[{name}{' +noise' if noise else ''}] {query}  expected {expected}  top5 {top}")
