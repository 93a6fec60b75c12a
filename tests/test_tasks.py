"""The task engine: tick queues each periodic job once per slot, the real ``db_worker --batch`` runs
the queue, and the jobs (rolling obligations, scheduled publishing, search updates) do what a user
sees: next periods' duties appear, a scheduled page goes live, a new text becomes searchable."""

import datetime
import time
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.models import PeriodicRun
from cms.tasks import tick
from compliance import rolling
from compliance.models import Obligation
from core import clock
from villages.models import TownshipPage, VillagePage

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
VILLAGE = "520330101201"


def run_worker():
    """The real worker, in this process so that it sees the test's uncommitted data. Between jobs it
    closes connections that are not in autocommit mode, which would end the test's transaction on
    PostgreSQL; that housekeeping alone is switched off."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None):
        call_command("db_worker", "--batch", "--interval", "0", verbosity=0)


def queued_names():
    return sorted(r.task_path.rsplit(".", 1)[-1] for r in DBTaskResult.objects.ready())


@pytest.fixture
def db_queue(db):
    with override_settings(TASKS=DB_TASKS):
        yield


def test_tick_queues_each_job_once_per_slot(db_queue):
    now = timezone.make_aware(datetime.datetime(2026, 11, 20, 10, 0, 20))
    assert sorted(tick(now)) == ["cms.publish_scheduled", "compliance.roll_obligations",
                                 "compliance.send_reminders"]
    assert tick(now + datetime.timedelta(seconds=30)) == []  # same minute: nothing again
    assert queued_names() == ["publish_scheduled", "roll_obligations", "send_reminders"]
    # Next minute: only the every-minute job; next day: the daily ones again.
    assert tick(now + datetime.timedelta(minutes=1)) == ["cms.publish_scheduled"]
    assert "compliance.roll_obligations" in tick(now + datetime.timedelta(days=1))
    assert PeriodicRun.objects.filter(job="compliance.roll_obligations").count() == 2


def test_reminders_wait_for_their_hour(db_queue):
    early = timezone.make_aware(datetime.datetime(2026, 11, 21, 6, 0))
    assert "compliance.send_reminders" not in tick(early)
    assert "compliance.send_reminders" in tick(early + datetime.timedelta(hours=2))


def test_tick_and_worker_roll_duties_into_the_new_year(db_queue, client):
    """Moved to 2027: a tick and the real worker create January's and February's duties."""
    with clock.frozen(datetime.datetime(2027, 1, 5, 0, 5)):
        before = client.get(f"/api/v1/villages/{VILLAGE}/obligations/?period=2027-01").json()["results"]
        assert not [ob for ob in before if ob["period"] == "2027-01"]  # the monthly duties do not exist yet
        call_command("tick", verbosity=0)
        assert "roll_obligations" in queued_names()
        run_worker()
        assert queued_names() == []
        assert not DBTaskResult.objects.failed().exists()
        january = client.get(f"/api/v1/villages/{VILLAGE}/obligations/?period=2027-01").json()["results"]
        monthly = [ob for ob in january if ob["period"] == "2027-01"]
        assert monthly and all(ob["status"] == "待提交" for ob in monthly)
        assert Obligation.objects.filter(village__code=VILLAGE, period_key="2027-02").exists()
        assert not Obligation.objects.filter(village__code=VILLAGE, period_key="2027-03").exists()


@pytest.mark.django_db
def test_rolling_twice_creates_nothing_more():
    today = datetime.date(2027, 4, 2)
    village = VillagePage.objects.get(code=VILLAGE)
    first = rolling.ensure([village], today=today)
    assert first > 0
    assert rolling.ensure([village], today=today) == 0
    keys = set(Obligation.objects.filter(village=village, opens__gte=today).values_list("period_key", flat=True))
    assert {"2027-05", "2027-Q3"} <= keys  # monthly and quarterly: the next period exists
    assert "2027-06" not in keys  # but not the one after


def test_publishing_a_task_list_rolls_obligations(db_queue, django_capture_on_commit_callbacks):
    from policies.models import TaskListPage

    page = TaskListPage.objects.live().first()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "roll_obligations" in queued_names()


def test_scheduled_page_goes_live_through_tick_and_worker(db_queue):
    home = TownshipPage.objects.first().get_parent()
    page = TownshipPage(title="定时发布测试镇", slug="dingshi", code="520330999", kind="镇", live=False)
    home.add_child(instance=page)
    # Wagtail compares go-live times with the real clock: schedule two seconds ahead and wait.
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live  # scheduled, not yet live
    time.sleep(2.5)
    tick()
    run_worker()
    page.refresh_from_db()
    assert page.live


def test_search_updates_wait_for_the_worker(db_queue, django_capture_on_commit_callbacks):
    from tests.search_helpers import make_regulation

    with django_capture_on_commit_callbacks(execute=True):
        make_regulation("排队索引测试规定", [("2024年版", datetime.date(2024, 1, 1), ["鸬鹚湾议事会每季度召开一次。"])])
    assert "reindex_source" in queued_names()
    sources = [r.args_kwargs["args"][0] for r in DBTaskResult.objects.ready()
               if r.task_path.endswith("reindex_source")]
    assert sources and all(":" in s for s in sources)  # provider:pk, no model in the job


def test_a_new_village_gets_this_and_next_periods_duties(db, django_capture_on_commit_callbacks):
    township = TownshipPage.objects.order_by("code").first()
    with django_capture_on_commit_callbacks(execute=True):
        village = township.add_child(instance=VillagePage(title="新建测试村", slug="vnew", code=f"{township.code}998"))
    keys = set(Obligation.objects.filter(village=village).values_list("period_key", flat=True))
    assert {"2026-11", "2026-12"} <= keys and "2027-01" not in keys
