"""Concurrency of the rolling-obligations job on PostgreSQL (CI's second run): two real
``db_worker`` processes, and two connections generating the same periods at the same instant,
create every duty exactly once and fail nothing. Work is committed (other connections must see
it), so each test removes what it added."""

import datetime
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection, connections
from django.db.models import Max
from django.test import override_settings

from compliance import rolling
from compliance.models import Obligation

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="并发测试需要 PostgreSQL（CI 第二轮运行）"),
]

ROOT = Path(__file__).resolve().parent.parent
DAY = datetime.date(2027, 3, 10)


def committed(fn):
    """Run ``fn`` on a connection of its own (autocommit), outside the test's transaction."""
    out = {}

    def run():
        try:
            out["value"] = fn()
        except BaseException as exc:  # re-raised in the test
            out["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in out:
        raise out["error"]
    return out["value"]


@pytest.fixture
def clean_obligations(db):
    start = committed(lambda: Obligation.objects.aggregate(m=Max("id"))["m"] or 0)
    yield
    committed(lambda: Obligation.objects.filter(id__gt=start).delete())


def test_two_connections_generate_the_same_periods_at_once(clean_obligations):
    barrier = threading.Barrier(2)
    results, errors = [], []

    def roll():
        try:
            barrier.wait()
            results.append(rolling.ensure(today=DAY))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=roll) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert committed(lambda: rolling.ensure(today=DAY)) == 0  # nothing missing
    assert committed(lambda: Obligation.objects.filter(period_key="2027-04").exists())


def test_two_worker_processes_share_the_queue(clean_obligations):
    from django_tasks_db.models import DBTaskResult

    from compliance.tasks import roll_obligations

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        ids = committed(lambda: [str(roll_obligations.enqueue().id) for _ in range(2)])
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "DATABASE_URL": url,
           "TASK_BACKEND": "database", "RULEBOOK_NOW": f"{DAY}T09:00"}
    workers = [subprocess.Popen([sys.executable, "manage.py", "db_worker", "--batch", "--interval", "0.1",
                                 "--max-tasks", "1", "--worker-id", f"w{i}"], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for i in (1, 2)]
    try:
        outputs = [w.communicate(timeout=180)[0].decode() for w in workers]
        rows = committed(lambda: list(DBTaskResult.objects.filter(id__in=ids).values("status", "worker_ids")))
        assert [r["status"] for r in rows] == ["SUCCESSFUL", "SUCCESSFUL"], outputs
        # SKIP LOCKED: each job was claimed by one worker, and each worker took one.
        assert sorted(w for r in rows for w in r["worker_ids"]) == ["w1", "w2"]
        assert committed(lambda: rolling.ensure(today=DAY)) == 0
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
        committed(lambda: DBTaskResult.objects.filter(id__in=ids).delete())
