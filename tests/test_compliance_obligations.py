"""Obligation generation across task-list versions, idempotency, on-demand matters."""

import datetime

import pytest

from compliance.models import Obligation
from compliance.obligations import generate, open_matter
from policies.models import TaskItem, TaskListIndexPage, TaskListPage, TaskListVersion
from villages.models import VillagePage

D = datetime.date


def make_tasklist(code="TCMP", versions=None):
    """``versions``: [(effective_from, [(item code, name, frequency, deadline_day), …]), …]."""
    from cms.models import HomePage

    home = HomePage.objects.first()
    index = TaskListIndexPage.objects.first() or home.add_child(instance=TaskListIndexPage(title="清单库", slug="tl"))
    page = index.add_child(instance=TaskListPage(title=f"测试清单{code}", slug=f"test-{code.lower()}",
                                                 list_code=code.lower()))
    for n, (start, items) in enumerate(versions or []):
        version = TaskListVersion.objects.create(page=page, label=f"第{n + 1}版", effective_from=start, sort_order=n)
        for i, (item_code, name, frequency, day) in enumerate(items):
            TaskItem.objects.create(version=version, code=item_code, name=name, responsible="村党组织",
                                    frequency=frequency, deadline_day=day, sort_order=i,
                                    disclosure="在公开栏公开" if "公开" in name else "")
    return page



@pytest.fixture
def tasklist(db):
    # v1 from 2025-01-01: T-01 weekly, T-02 monthly (day 5), T-03 quarterly.
    # v2 from 2026-07-01: T-01 renamed (continues), T-02 dropped, T-04 monthly new; on-demand T-09.
    return make_tasklist("TCMP", [
        (D(2025, 1, 1), [("TCMP-01", "联席会议", "weekly", 1), ("TCMP-02", "清账", "monthly", 5),
                         ("TCMP-03", "党员大会", "quarterly", None)]),
        (D(2026, 7, 1), [("TCMP-01", "村务联席会议（修订）", "weekly", 1), ("TCMP-03", "党员大会", "quarterly", None),
                         ("TCMP-04", "群众说事日", "monthly", None), ("TCMP-09", "三重一大事项四议两公开", "on_demand", 20)]),
    ])


def test_generation_follows_versions(tasklist):
    village = VillagePage.objects.get(code="520330101201")
    created = generate([village], D(2026, 5, 1), D(2026, 8, 31), pages=[tasklist])
    qs = Obligation.objects.filter(village=village, tasklist=tasklist)
    assert created == qs.count()
    monthly = dict(qs.filter(item_code="TCMP-02").values_list("period_key", "due"))
    assert monthly == {"2026-05": D(2026, 5, 5), "2026-06": D(2026, 6, 5)}  # dropped by v2
    assert set(qs.filter(item_code="TCMP-04").values_list("period_key", flat=True)) == {"2026-07", "2026-08"}
    # The weekly duty continues across the change under the item of the version in force.
    june = qs.get(item_code="TCMP-01", period_key="2026-W26")
    july = qs.get(item_code="TCMP-01", period_key="2026-W28")
    assert june.item_name == "联席会议" and july.item_name == "村务联席会议（修订）"
    assert july.due == D(2026, 7, 6)  # Monday of ISO week 28
    # Q3 starts under v2; Q2 under v1: both exist, one per quarter.
    assert list(qs.filter(item_code="TCMP-03").values_list("period_key", flat=True).order_by("period_key")) == [
        "2026-Q2", "2026-Q3"]
    assert not qs.filter(item_code="TCMP-09").exists()  # per-occurrence: only when a matter opens


def test_generation_is_idempotent(tasklist):
    villages = list(VillagePage.objects.filter(code__in=["520330101201", "520330101202"]))
    first = generate(villages, D(2026, 1, 1), D(2026, 12, 31), pages=[tasklist])
    assert first > 100
    assert generate(villages, D(2026, 1, 1), D(2026, 12, 31), pages=[tasklist]) == 0
    assert Obligation.objects.filter(tasklist=tasklist).count() == first


def test_generation_uses_bulk_inserts(tasklist):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    villages = list(VillagePage.objects.all()[:40])
    with CaptureQueriesContext(connection) as ctx:
        created = generate(villages, D(2026, 1, 1), D(2026, 12, 31), pages=[tasklist])
    assert created > 40 * 60
    assert len(ctx) < 10 + created / 50  # batched inserts, no per-row queries


def test_open_matter_creates_on_demand_obligation(tasklist, login):
    from compliance.models import Record
    from policies.models import TaskItem

    village = VillagePage.objects.get(code="520330101201")
    record = Record.objects.create(village=village, kind="siyi", title="修建村道", occurred_on=D(2026, 9, 1))
    item = TaskItem.objects.get(code="TCMP-09")
    ob = open_matter(record, item)
    assert ob.due == D(2026, 9, 21) and ob.frequency == "on_demand"
    assert list(record.obligations.all()) == [ob]
    assert open_matter(record, item) == ob  # idempotent


def test_demo_is_idempotent_and_varied(db):
    import io

    from cms.models import HomePage
    from compliance import demo
    from compliance.models import ElevatedSupervision, Record, SupervisionAction

    counts = (Obligation.objects.count(), Record.objects.count(), SupervisionAction.objects.count())
    out = io.StringIO()
    demo.load(HomePage.objects.first(), out, small=True)
    assert (Obligation.objects.count(), Record.objects.count(), SupervisionAction.objects.count()) == counts
    if not counts[1]:
        assert "已跳过" in out.getvalue()
        return
    states = set(Record.objects.filter(village__code__in=demo.SMALL_CODES).values_list("state", flat=True))
    assert {Record.ACCEPTED, Record.RETURNED, Record.SUBMITTED} <= states
    assert ElevatedSupervision.objects.filter(village__code="520330101203").exists()
    assert SupervisionAction.objects.filter(kind=SupervisionAction.RECTIFY).exists()
    assert Obligation.objects.filter(period_key__startswith="事项", matter__isnull=False).exists()
