"""Chinese substring search, side by side in one run:

(a) Wagtail's default database search backend (modelsearch, SQLite FTS5, whitespace words),
(a') the same backend with our tokenizer (search.wagtail_backend, used by the admin),
(b) our embedded engine through ``engine.search`` — the call the page and the API make: query
    understanding, coverage ranking, collapsing, count and facets,
(c) raw FTS5: a separate one-column FTS5 table of the bigram stream, the query as one phrase,
    ``MATCH … ORDER BY rank LIMIT 20`` (the latency target is measured against this),
(c') raw FTS5 on the engine's own index file with the engine's MATCH expression, bm25, LIMIT 20.

Every system returns its top 20 and recall is computed from what it returned: recall@20 =
|returned ∩ relevant| / min(20, |relevant|), relevant = every article whose title, label or text
contains the substring. Timing also covers question-form queries ("<substring>怎么办") on (b).

Reindex throughput: ``--demo-db PATH`` times the real ``search_reindex`` command end to end on a
database holding the demo (``load_demo``); the bulk throughput of the synthetic corpus is printed
beside it but is not the figure the target is about.

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
RAW = "(c) 原始 FTS5：独立单列二元切分表，整句短语，LIMIT 20"


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


def run(n, queries_count=200, seed=7, with_admin_backend=False, with_wagtail=True):
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

    def engine_ids(q):
        return [int(h.unit.id.split(":")[1]) for h in engine.search(parse(q), all_filters).hits]

    lat, found = timed(engine_ids, queries)
    rows["(b) 本系统 engine.search（问句理解、覆盖度排序、合并、计数与分面）"] = (lat, found)
    questions = [f"{q}怎么办" for q in queries[:100]]
    question_lat, _ = timed(engine_ids, questions)
    log(f"embedded 完成（批量写入 {reindex_seconds:.1f} 秒）")

    # (c) raw FTS5: a separate one-column table of the bigram stream ----------------------------------
    raw = sqlite3.connect(f"{workdir}/raw-fts.sqlite3")
    raw.execute("CREATE VIRTUAL TABLE raw USING fts5(body, tokenize='unicode61')")
    raw.executemany("INSERT INTO raw(rowid, body) VALUES (?, ?)",
                    [(i, tk.grams(f"{title} {label} {text}")) for i, title, label, text in articles])
    raw.commit()

    def raw_phrase(q):
        return '"' + tk.grams(q) + '"'

    lat, found = timed(lambda q: [r[0] for r in raw.execute(
        "SELECT rowid FROM raw WHERE raw MATCH ? ORDER BY rank LIMIT 20", [raw_phrase(q)])], queries)
    rows[RAW] = (lat, found)
    log("原始 FTS5 完成")

    # (c') raw FTS5 on the engine's own index: the engine's match expression, bm25, LIMIT 20 -----------
    from search.engines.embedded import BM25_WEIGHTS

    conn = engine.conn()

    def raw_same(q):
        return [r[0] - 1 for r in conn.execute(
            f"SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, {BM25_WEIGHTS}) LIMIT 20",
            [match_expression(parse(q))])]

    lat, found = timed(raw_same, queries)
    rows["(c') 原始 FTS5：引擎自己的索引与匹配式，仅 bm25 排序取前 20"] = (lat, found)
    log("原始 FTS5（同一索引）完成")

    # (a) Wagtail's default database backend, then (a') the same with our tokenizer ------------------
    log("写入 Wagtail 文档…")
    root = Collection.get_first_root_node()
    Document.objects.bulk_create([Document(title=f"{title} {label} {text}"[:255], file=f"bench/{i}.txt", collection=root)
                                  for i, title, label, text in articles], batch_size=2000)
    pk_to_article = {pk: i for i, pk in enumerate(Document.objects.order_by("pk").values_list("pk", flat=True))}
    documents = list(Document.objects.all())
    backends = [("(a) Wagtail 默认数据库检索后端", "modelsearch.backends.database")] if with_wagtail else []
    if with_admin_backend:
        backends.append(("(a') Wagtail 后端 + 本系统分词（后台检索）", "search.wagtail_backend"))
    for label, dotted in backends:
        backend = get_search_backend(dotted)
        backend.reset_index() if hasattr(backend, "reset_index") else None
        index = backend.get_index_for_model(Document)
        for start in range(0, len(documents), 2000):
            index.add_items(Document, documents[start:start + 2000])
        log(f"{label}：索引完成")

        lat, found = timed(lambda q, backend=backend: [pk_to_article[d.pk] for d in backend.search(q, Document)[:20]],
                           queries)
        rows[label] = (lat, found)
        log(f"{label}：查询完成")

    # report -----------------------------------------------------------------------------------
    print(f"\n### 中文子串检索基准（{n:,} 条条文，{len(queries)} 个 2–5 字子串查询，各取前 20）\n")
    print("| 方案 | recall@20 | 精确率 | p50 (ms) | p95 (ms) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    summary = {}
    for label, (lat, found) in rows.items():
        recalls, hit, returned = [], 0, 0
        for got, truth_set in zip(found, truth, strict=True):
            top = set(got[:20])
            recalls.append(len(top & truth_set) / min(20, len(truth_set)) if truth_set else 1.0)
            hit += len(top & truth_set)
            returned += len(top)
        recall = sum(recalls) / len(recalls)
        precision = hit / returned if returned else 0.0
        p50, p95 = percentile(lat, 50), percentile(lat, 95)
        summary[label] = (recall, p50, p95)
        print(f"| {label} | {recall:.3f} | {precision:.3f} | {p50:.2f} | {p95:.2f} |")
    print(f"| (b) 同上，问句形式（“子串怎么办”，{len(questions)} 个） | – | – | {percentile(question_lat, 50):.2f} | "
          f"{percentile(question_lat, 95):.2f} |")
    ours = summary["(b) 本系统 engine.search（问句理解、覆盖度排序、合并、计数与分面）"]
    base = summary[RAW]
    print(f"\np95 比值 engine.search / 原始 FTS5：{ours[2] / base[2]:.2f}×（目标 ≤ 2×）；p50 比值：{ours[1] / base[1]:.2f}×。")
    rate = n / reindex_seconds
    print(f"合成语料批量写入（bulk_index，不含读库，非目标口径）：{n:,} 条 {reindex_seconds:.1f} 秒，{rate:,.0f} 条/秒。")
    return summary, rate


def demo_reindex(db_path, index_path=None):
    """``search_reindex`` end to end (reading the database, building units, writing the index) on a
    database that holds the demo; prints units/s. Runs in a subprocess so that its settings are its own."""
    import subprocess

    env = dict(os.environ, DATABASE_URL=f"sqlite:///{db_path}", SEARCH_ENGINE="embedded",
               SEARCH_EMBEDDED_PATH=index_path or f"{tempfile.mkdtemp(prefix='rulebook-reindex-')}/index.sqlite3",
               DJANGO_SETTINGS_MODULE="cms.settings.dev")
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "manage.py", "search_reindex", "-v", "0"], env=env, capture_output=True,
                         text=True, check=True, cwd=Path(__file__).resolve().parent.parent).stdout
    wall = time.perf_counter() - started
    units = int(re.search(r"(\d+) 个检索单元", out).group(1))
    print(f"\nsearch_reindex（演示数据，端到端）：{units:,} 个检索单元，命令自报 {out.strip()}；"
          f"含进程启动的总用时 {wall:.1f} 秒（{units / wall:,.0f} 条/秒）。")
    return units, wall


def main(argv=None):
    parser = argparse.ArgumentParser(description="中文全文检索基准")
    parser.add_argument("--n", type=int, default=10_000, help="条文数量（如 10000、100000）")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--with-admin-backend", action="store_true",
                        help="也测 Wagtail 后端 + 本系统分词（后台检索用；大语料时很慢）")
    parser.add_argument("--no-wagtail", action="store_true", help="不测 Wagtail 默认后端（它在 10k 以上要索引很久）")
    parser.add_argument("--demo-db", default="", help="装有演示数据的 SQLite 数据库：端到端计时 search_reindex")
    parser.add_argument("--reindex-only", action="store_true", help="只测 search_reindex（需 --demo-db）")
    args, _ = parser.parse_known_args(argv)
    if not args.reindex_only:
        run(args.n, args.queries, with_admin_backend=args.with_admin_backend, with_wagtail=not args.no_wagtail)
    if args.demo_db:
        demo_reindex(args.demo_db)


if __name__ == "__main__":
    main()
