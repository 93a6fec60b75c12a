"""Province scale: one year of obligations for 15,000 villages, generated on PostgreSQL by two real
``db_worker`` processes sharing the queue (SKIP LOCKED), reported as obligations per second and as a
ratio to a baseline measured in the same run: a plain server-side bulk INSERT of the same rows into
a copy of the table (same indexes and unique constraint). Also checks that the village page's SQL
query count does not grow from county to province size.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python -m benchmarks.province_benchmark [--villages 15000] [--workers 2] [--chunk 500]

Creates (and drops first) its own database ``rulebook_bench_province`` on that server."""

import argparse
import io
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE = Path(__file__).resolve().parent.parent
DB_NAME = "rulebook_bench_province"
TARGET = 20_000
YEAR = 2027


def prepare_database(url):
    import psycopg

    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        sys.exit("请将 DATABASE_URL 指向 PostgreSQL（本基准测试需要 PostgreSQL）。")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}"')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    return urlunsplit(parts._replace(path=f"/{DB_NAME}"))


def setup_django(url):
    os.environ.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", DATABASE_URL=url, TASK_BACKEND="database",
                      SEARCH_ENGINE="embedded", ALLOWED_HOSTS="testserver,127.0.0.1",
                      SEARCH_EMBEDDED_PATH=str(BASE / "var" / "benchmarks" / "province-search.sqlite3"),
                      RULEBOOK_NOW=f"{YEAR}-01-01T08:00")
    os.environ.pop("ES_URL", None)
    import django

    django.setup()


def village_page_queries(code):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    url = f"/t{code[:9]}/v{code}/"
    client.get(url)  # warm caches (site root, roles)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(queries)


def add_villages(total, out):
    from django.db import transaction

    from villages.models import TownshipPage, VillagePage

    missing = total - VillagePage.objects.count()
    townships = list(TownshipPage.objects.order_by("code"))
    existing = set(VillagePage.objects.values_list("code", flat=True))
    started, made = time.perf_counter(), 0
    with transaction.atomic():
        for index in range(300, 1000):
            for township in townships:
                if made >= missing:
                    break
                code = f"{township.code}{index:03d}"
                if code in existing:
                    continue
                township.add_child(instance=VillagePage(title=f"基准村{code[-6:]}", slug=f"v{code}", code=code))
                made += 1
    out.write(f"补足村（社区）{made:,} 个，共 {VillagePage.objects.count():,} 个：{time.perf_counter() - started:.0f} 秒\n")


def run_workers(n, url):
    env = {**os.environ, "DATABASE_URL": url}
    procs = [subprocess.Popen([sys.executable, "manage.py", "db_worker", "--batch", "--interval", "0.1",
                               "--worker-id", f"bench{i}", "-v0", "--skip-checks"], cwd=BASE, env=env) for i in range(n)]
    for p in procs:
        p.wait()
    return [p.returncode for p in procs]


def baseline_insert():
    """Seconds for one plain INSERT … SELECT of every obligation into an identical empty table."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_obligation_copy")
        cursor.execute("CREATE TABLE bench_obligation_copy (LIKE compliance_obligation INCLUDING ALL)")
        started = time.perf_counter()
        cursor.execute("INSERT INTO bench_obligation_copy SELECT * FROM compliance_obligation")
        elapsed = time.perf_counter() - started
        cursor.execute("DROP TABLE bench_obligation_copy")
    return elapsed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=15_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=500, help="每个任务的村数")
    args = parser.parse_args(argv)
    out = sys.stdout
    url = prepare_database(os.environ.get("DATABASE_URL", ""))
    setup_django(url)
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from compliance.models import Obligation
    from compliance.tasks import generate_obligations
    from villages.models import VillagePage

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo", small=True, quiet_logins=True, stdout=io.StringIO())
    out.write(f"示例站点（254 个村）就绪：{time.perf_counter() - started:.0f} 秒\n")
    sample = VillagePage.objects.order_by("code").values_list("code", flat=True).first()
    queries_small = village_page_queries(sample)
    add_villages(args.villages, out)
    DBTaskResult.objects.all().delete()  # jobs queued by the village saves: not part of the measure
    Obligation.objects.all().delete()
    ids = list(VillagePage.objects.order_by("pk").values_list("pk", flat=True))
    start, end = f"{YEAR}-01-01", f"{YEAR}-12-31"
    for i in range(0, len(ids), args.chunk):
        generate_obligations.enqueue(ids[i:i + args.chunk], start, end)
    started = time.perf_counter()
    codes = run_workers(args.workers, url)
    elapsed = time.perf_counter() - started
    failed = DBTaskResult.objects.failed().count()
    made = Obligation.objects.count()
    base = baseline_insert()
    queries_big = village_page_queries(sample)
    rate, base_rate = made / elapsed, made / base
    out.write(f"\n{len(ids):,} 个村，{YEAR} 年全年履职事项 {made:,} 项；{args.workers} 个 db_worker，"
              f"{(len(ids) + args.chunk - 1) // args.chunk} 个任务（失败 {failed}，退出码 {codes}）\n")
    out.write(f"任务引擎：{elapsed:.1f} 秒，{rate:,.0f} 项/秒（目标 ≥ {TARGET:,}/秒：{'达到' if rate >= TARGET else '未达到'}）\n")
    out.write(f"基线（INSERT … SELECT 同样的行）：{base:.1f} 秒，{base_rate:,.0f} 项/秒；比值 {rate / base_rate:.2f}×\n")
    out.write(f"村页面 SQL 查询数：254 个村时 {queries_small}，{len(ids):,} 个村时 {queries_big}"
              f"（{'未增长' if queries_big <= queries_small else '增长了'}）\n")
    return 0 if failed == 0 and queries_big <= queries_small else 1


if __name__ == "__main__":
    sys.exit(main())
