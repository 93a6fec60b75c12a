"""Chinese substring search, side by side in one run:

(a) Wagtail's default database search backend (modelsearch, SQLite FTS5, whitespace words),
(a') the same backend with our tokenizer (search.wagtail_backend, used by the admin),
(b) our embedded engine (search.engines.embedded: bigram phrases, ranking, count and facets),
(c) raw FTS5 on the engine's own index file: the same MATCH expression, bm25 order, LIMIT 20 —
    no join, no bonuses, no count, no facets (the overhead target is measured against this),
(c') the smallest FTS5 possible: one column of the bigram stream, ``MATCH … ORDER BY rank LIMIT 20``.

Run: ``.venv/bin/python -m benchmarks.search_benchmark --n 10000``. Works in a throw-away database
and index under a temporary directory; prints a markdown table and ratios."""

import argparse
import os
import random
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

SEED_TEXT = Path("/work/shared/domain/seed-xishui-village-power.txt")
SUBJECTS = ["村党组织", "村民委员会", "村务监督委员会", "村“两委”", "党支部委员会", "民主理财小组", "第一书记",
            "乡镇党委", "驻村工作队", "村民代表会议", "党员大会", "村民小组", "红白理事会", "道德评议会"]
ACTIONS = ["应当每月召开一次", "负责审核", "按季度公开", "实行联审联签", "须经四议两公开程序决定", "每周主持一次",
           "如实记录并存档", "报乡镇审核备案", "接受党员群众监督", "每年组织一次民主评议", "开展清账行动",
           "落实末位表态制度", "在群众说事日接待群众", "实行村财镇管", "执行三会一课制度", "按期开展主题党日"]
OBJECTS = ["三资管理台账", "财务收支情况", "村级重大事项", "集体经济项目", "低保评议结果", "惠民资金发放",
           "工程项目招投标", "宅基地审批", "公章使用登记", "党员发展计划", "目标任务清单", "村规民约修订",
           "会议记录", "请销假登记", "坐班值班安排", "三务公开栏", "矛盾纠纷调处"]
CONDITIONS = ["支出超过{n}元的", "涉及{n}户以上群众利益的", "自{y}年起", "每季度第{m}个月", "在{d}个工作日内",
              "金额在{n}元以下的", "村民小组超过{m}个的"]
PUNCT = "，。；："


def seed_sentences():
    if not SEED_TEXT.exists():
        return []
    text = SEED_TEXT.read_text(encoding="utf-8")
    return [s.strip() for s in re.split(r"[。；\n]", text) if 12 <= len(s.strip()) <= 120]


def make_corpus(n, rng):
    seeds = seed_sentences()
    articles = []
    for i in range(n):
        parts = []
        for _ in range(rng.randint(2, 4)):
            cond = rng.choice(CONDITIONS).format(n=rng.choice([500, 1000, 2000, 5000, 10000]),
                                                 y=rng.randint(2018, 2026), m=rng.randint(1, 3), d=rng.randint(3, 15))
            parts.append(f"{cond}，{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}{rng.choice(OBJECTS)}")
        if seeds and rng.random() < 0.6:
            parts.insert(rng.randint(0, len(parts)), rng.choice(seeds))
        text = "。".join(parts) + "。"
        articles.append((i, f"习水县村级制度示例第{i // 40 + 1}号", f"第{i % 40 + 1}条", text[:200]))
    return articles


def make_queries(articles, rng, count):
    queries = []
    while len(queries) < count:
        _, _, _, text = rng.choice(articles)
        runs = [r for r in re.findall(r"[\u4e00-\u9fff]+", text) if len(r) >= 5]
        if not runs:
            continue
        run = rng.choice(runs)
        length = rng.choice([2, 3, 4, 5])
        start = rng.randint(0, len(run) - length)
        queries.append(run[start:start + length])
    return queries


_T0 = time.perf_counter()


def log(message):
    print(f"[{time.perf_counter() - _T0:7.1f}s] {message}", file=sys.stderr, flush=True)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


def timed(function, queries, repeat=1):
    latencies, outputs = [], []
    for q in queries:
        started = time.perf_counter()
        for _ in range(repeat):
            out = function(q)
        latencies.append((time.perf_counter() - started) / repeat)
        outputs.append(out)
    return latencies, outputs


def setup_django(workdir):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["SEARCH_EMBEDDED_PATH"] = f"{workdir}/embedded-index.sqlite3"
    os.environ["SEARCH_ENGINE"] = "embedded"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def run(n, queries_count=200, seed=7, with_admin_backend=False):
    rng = random.Random(seed)
    workdir = tempfile.mkdtemp(prefix="rulebook-bench-")
    log(f"工作目录 {workdir}；迁移数据库…")
    setup_django(workdir)
    log("迁移完成")
    import datetime

    from modelsearch.backends import get_search_backend
    from wagtail.documents.models import Document
    from wagtail.models import Collection

    from search import tokenize as tk
    from search.engines.base import Filters
    from search.engines.embedded import EmbeddedEngine, match_expression
    from search.query import parse
    from search.units import SearchUnit

    articles = make_corpus(n, rng)
    queries = make_queries(articles, rng, queries_count)
    # Every system indexes title, label and text of an article (the Wagtail documents as one title).
    truth = [{a[0] for a in articles if q in a[3] or q in a[1] or q in a[2]} for q in queries]
    rows = {}

    # (b) our embedded engine ----------------------------------------------------------------
    engine = EmbeddedEngine(path=f"{workdir}/embedded-index.sqlite3")
    engine.clear()
    tk.jieba_tokenizer()  # dictionary load is a one-off, not indexing throughput
    units = [SearchUnit(id=f"bench:{i}", source=f"bench:{i // 40}", type="article", title=title, label=label,
                        text=text, url=f"/b/{i}/", valid_from=datetime.date(2020 + i % 6, 1, 1),
                        status="现行有效", category=rng.choice(["主体培育", "权力运行", "权力监督", "主体责任"]),
                        issuer="中共习水县委组织部", doc_sort=f"{i // 40:08d}", unit_sort=i % 40)
             for i, title, label, text in articles]
    started = time.perf_counter()
    engine.bulk_index(units)
    engine.finish_bulk()
    reindex_seconds = time.perf_counter() - started
    conn = engine.conn()
    all_filters = Filters(on=None, today=datetime.date(2026, 1, 1), page_size=20)

    def embedded_ids(q):
        expression = match_expression(parse(q))
        rows_ = conn.execute("SELECT units.key FROM fts JOIN units ON units.rowid = fts.rowid WHERE fts MATCH ?",
                             [expression])
        return {int(r[0].split(":")[1]) for r in rows_}

    lat, _ = timed(lambda q: engine.search(parse(q), all_filters), queries)
    found = [embedded_ids(q) for q in queries]
    rows["(b) 本系统 embedded 引擎（含计数与分面）"] = (lat, found)
    log(f"embedded 完成（重建 {reindex_seconds:.1f} 秒）")

    # (c) raw FTS5 on the engine's own index: the same match expression, bm25, LIMIT 20 -----------------
    from search.engines.embedded import BM25_WEIGHTS

    def raw_same(q):
        return conn.execute(f"SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, {BM25_WEIGHTS}) LIMIT 20",
                            [match_expression(parse(q))]).fetchall()

    lat, _ = timed(raw_same, queries)
    rows["(c) 原始 FTS5：同一索引、同一匹配式，仅 bm25 排序取前 20"] = (lat, found)
    log("原始 FTS5（同一索引）完成")

    # (c') the smallest possible FTS5: one column of the bigram stream --------------------------------
    raw = sqlite3.connect(f"{workdir}/raw-fts.sqlite3")
    raw.execute("CREATE VIRTUAL TABLE raw USING fts5(body, tokenize='unicode61')")
    raw.executemany("INSERT INTO raw(rowid, body) VALUES (?, ?)", [(i, tk.grams(f"{title} {label} {text}")) for i, title, label, text in articles])
    raw.commit()

    def raw_phrase(q):
        return '"' + " ".join(t for piece in parse(q).pieces() for t in piece.tokens) + '"'

    lat, _ = timed(lambda q: raw.execute("SELECT rowid FROM raw WHERE raw MATCH ? ORDER BY rank LIMIT 20",
                                         [raw_phrase(q)]).fetchall(), queries)
    found = [{r[0] for r in raw.execute("SELECT rowid FROM raw WHERE raw MATCH ?", [raw_phrase(q)])} for q in queries]
    rows["(c') 最简 FTS5：单列二元切分，LIMIT 20"] = (lat, found)
    log("原始 FTS5 完成")

    # (a) Wagtail's default database backend, then (a') the same with our tokenizer ------------------
    log("写入 Wagtail 文档…")
    root = Collection.get_first_root_node()
    Document.objects.bulk_create([Document(title=f"{title} {label} {text}"[:255], file=f"bench/{i}.txt", collection=root)
                                  for i, title, label, text in articles], batch_size=2000)
    pk_to_article = {pk: i for i, pk in enumerate(Document.objects.order_by("pk").values_list("pk", flat=True))}
    documents = list(Document.objects.all())
    backends = [("(a) Wagtail 默认数据库检索后端", "modelsearch.backends.database")]
    if with_admin_backend:
        backends.append(("(a') Wagtail 后端 + 本系统分词（后台检索）", "search.wagtail_backend"))
    for label, dotted in backends:
        backend = get_search_backend(dotted)
        backend.reset_index() if hasattr(backend, "reset_index") else None
        index = backend.get_index_for_model(Document)
        for start in range(0, len(documents), 2000):
            index.add_items(Document, documents[start:start + 2000])
        log(f"{label}：索引完成")

        def search_ids(q, backend=backend):
            return {pk_to_article[d.pk] for d in backend.search(q, Document)}

        lat, _ = timed(lambda q, backend=backend: list(backend.search(q, Document)[:20]), queries)
        rows[label] = (lat, [search_ids(q) for q in queries])
        log(f"{label}：查询完成")

    # report -----------------------------------------------------------------------------------
    print(f"\n### 中文子串检索基准（{n:,} 条条文，{len(queries)} 个 2–5 字子串查询）\n")
    print("| 方案 | 召回率 | 精确率 | p50 (ms) | p95 (ms) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    summary = {}
    for label, (lat, found) in rows.items():
        hit = sum(len(f & t) for f, t in zip(found, truth, strict=True))
        total = sum(len(t) for t in truth)
        returned = sum(len(f) for f in found)
        recall = hit / total if total else 1.0
        precision = hit / returned if returned else 0.0
        p50, p95 = percentile(lat, 50), percentile(lat, 95)
        summary[label] = (recall, p50, p95)
        print(f"| {label} | {recall:.3f} | {precision:.3f} | {p50:.2f} | {p95:.2f} |")
    rate = n / reindex_seconds
    print(f"\n重建索引（embedded）：{n:,} 条用时 {reindex_seconds:.1f} 秒，{rate:,.0f} 条/秒（目标 ≥ 5,000 条/秒）。")
    ours = summary["(b) 本系统 embedded 引擎（含计数与分面）"]
    base = summary["(c) 原始 FTS5：同一索引、同一匹配式，仅 bm25 排序取前 20"]
    minimal = summary["(c') 最简 FTS5：单列二元切分，LIMIT 20"]
    print(f"p95 比值 embedded / 原始 FTS5（同一索引）：{ours[2] / base[2]:.2f}×（目标 ≤ 3×）；"
          f"p50 比值：{ours[1] / base[1]:.2f}×。")
    print(f"对最简单列 FTS5：p95 {ours[2] / minimal[2]:.2f}×，p50 {ours[1] / minimal[1]:.2f}×。")
    return summary, rate


def main(argv=None):
    parser = argparse.ArgumentParser(description="中文全文检索基准")
    parser.add_argument("--n", type=int, default=10_000, help="条文数量（如 10000、100000）")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--with-admin-backend", action="store_true",
                        help="也测 Wagtail 后端 + 本系统分词（后台检索用；大语料时很慢）")
    args, _ = parser.parse_known_args(argv)
    run(args.n, args.queries, with_admin_backend=args.with_admin_backend)


if __name__ == "__main__":
    main()
