"""Compliance at county scale: five years of obligations and records for every village, then the
village page and the county dashboard, as SQL query counts and as time ratios to a plain page of
the same site (a township page) measured in the same run.

    .venv/bin/python -m benchmarks.compliance_benchmark [--years 5] [--runs 7] [--reuse]

Uses its own SQLite file (var/benchmarks/compliance.sqlite3), never the development database."""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
DB_FILE = BASE / "var" / "benchmarks" / "compliance.sqlite3"
QUERY_TARGET = 15


def setup_django(reuse):
    if "django" in sys.modules and getattr(sys.modules["django"], "apps", None) and _configured():
        return False
    DB_FILE.parent.mkdir(parents=True, exist_ok=True)
    if not reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DB_FILE}{suffix}").unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{DB_FILE}"
    import django

    django.setup()
    return True


def _configured():
    from django.conf import settings

    return settings.configured


def load(years, out):
    from django.core.management import call_command

    from cms.models import HomePage
    from compliance import demo
    from compliance.models import Obligation, Record

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo", small=True, quiet_logins=True, stdout=io.StringIO())
    out.write(f"示例站点就绪：{time.perf_counter() - started:.1f} 秒\n")
    started = time.perf_counter()
    demo.load(HomePage.objects.first(), out, small=False, years=years)
    out.write(f"{years} 年履职数据载入：{time.perf_counter() - started:.1f} 秒；"
              f"履职事项 {Obligation.objects.count():,} 项，记录 {Record.objects.count():,} 条\n")


def measure(client, url, runs):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm-up (template and URL caches)
    assert response.status_code == 200, (url, response.status_code)
    reset_queries()  # each request clears the log; start the capture from an empty one
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    queries = len(ctx)  # read now: later requests clear the connection's query log
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - started)
    return queries, statistics.median(times)


def measure_section(village, runs):
    """The compliance section of the village page alone (the hook plus its template)."""
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from compliance.wagtail_hooks import village_section

    def render():
        request = RequestFactory().get(village.url)
        request.user = get_user_model().objects.get(username="bianji")
        section = village_section(request, village)
        render_to_string(section["template"], section["context"], request=request)

    render()
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        render()
    queries = len(ctx)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        render()
        times.append(time.perf_counter() - started)
    return queries, statistics.median(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description="履职记录性能基准")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="沿用上次生成的数据库")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    setup_django(args.reuse)
    out = sys.stdout
    from django.contrib.auth import get_user_model
    from django.test import Client

    from compliance.demo import SMALL_CODES
    from villages.models import TownshipPage, VillagePage

    if not args.reuse or not VillagePage.objects.exists():
        load(args.years, out)
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    client = Client()
    client.force_login(get_user_model().objects.get(username="bianji"))
    village = VillagePage.objects.exclude(code__in=SMALL_CODES).order_by("code").first()
    township = TownshipPage.objects.get(pk=village.get_parent().pk)
    pages = [("乡镇页面（基准）", township.url), ("村页面", village.url), ("全县督导看板", "/records/county/"),
             ("乡镇督导看板", f"/records/townships/{township.code}/")]
    results = [(label, url, *measure(client, url, args.runs)) for label, url in pages]
    results.insert(2, ("村页面中的履职区块（仅本模块）", "", *measure_section(village, args.runs)))
    base_time = results[0][3]
    out.write("\n| 页面 | SQL 查询数 | 中位耗时 | 相对基准 |\n|---|---|---|---|\n")
    for label, _url, queries, seconds in results:
        out.write(f"| {label} | {queries} | {seconds * 1000:.0f} ms | {seconds / base_time:.2f}× |\n")
    compliance_rows = [r for r in results[2:]]
    over = [r[0] for r in compliance_rows if r[2] > QUERY_TARGET]
    out.write(f"\n履职区块与督导看板查询数目标 ≤ {QUERY_TARGET}：{'未达标：' + '、'.join(over) if over else '达标'}。"
              "村页面的查询数含其他模块（村规民约等）的区块与 Wagtail 页面路由。\n")


if __name__ == "__main__":
    main()
