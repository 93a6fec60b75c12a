"""Obligations = task-list items × villages × periods, using the version in force per period.

``generate(villages, start, end)`` is idempotent (unique village+code+period, ``ignore_conflicts``)
and makes one query per task list plus bulk inserts. A period uses the item of the version in
force on the period's due date (else on its start): a code kept across versions continues, a code
dropped by a new version stops, a new code starts with its version."""

import datetime

from django.db import transaction

from core import clock
from policies.models import TaskItem, TaskListPage
from policies.tasklists.taskitems import HIDDEN_ORDER
from policies.versioning import schedule
from policies.versioning.status import windows

from .models import Obligation

BATCH = 2000
ON_DEMAND_DAYS = 30  # an opened matter without its own deadline is due within 30 days


def _versions_with_items(page):
    versions = list(page.versions.all())
    items = {}
    # Hidden rows are kept only as history (an item changed or left the list): never plan from them.
    for item in TaskItem.objects.filter(version__page=page, sort_order__lt=HIDDEN_ORDER).order_by("sort_order"):
        items.setdefault(item.version_id, {})[item.code] = item
    return [(v, w, items.get(v.pk, {})) for v, w in windows(versions)]


def _in_force(version_windows, day):
    for version, window, items in version_windows:
        if window.contains(day):
            return version, items
    return None, {}


def plan(pages, start, end):
    """Yield ``(item, version, page, period_key, opens, due)`` for every recurring/fixed duty."""
    for page in pages:
        vw = _versions_with_items(page)
        codes = {}
        for _v, _w, items in vw:
            for code, item in items.items():
                codes.setdefault(code, item.frequency)
        for code, frequency in codes.items():
            if frequency in schedule.RECURRING:
                for period in schedule.periods_between(frequency, start, end):
                    item, version = _pick(vw, code, period)
                    if item is not None and item.frequency in schedule.RECURRING:
                        yield item, version, page, period.key, period.start, period.due(item.deadline_day)
            elif frequency == schedule.FIXED:
                for version, window, items in vw:
                    item = items.get(code)
                    if item is None or not (window.start <= end and (window.end is None or window.end >= start)):
                        continue
                    due = window.start + datetime.timedelta(days=(item.deadline_day or 30) - 1)
                    yield item, version, page, f"限期{window.start.isoformat()}", window.start, due
                    break


def _pick(vw, code, period):
    for day in (period.due(None), period.start):
        version, items = _in_force(vw, day)
        if version is not None and code in items:
            return items[code], version
    # The item's deadline day may fall in an earlier version's window; use the period's due day.
    return None, None


def generate(villages, start, end, pages=None, keep=None):
    """Create missing obligations for ``villages`` in ``[start, end]``; returns how many were new.
    ``keep(item, period_key)``, when given, selects which planned periods to create."""
    pages = list(pages if pages is not None else TaskListPage.objects.live())
    village_ids = [v.pk if hasattr(v, "pk") else v for v in villages]
    rows = [row for row in plan(pages, start, end) if keep is None or keep(row[0], row[3])]
    before = Obligation.objects.filter(village_id__in=village_ids).count()
    batch = []
    with transaction.atomic():
        for village_id in village_ids:
            for item, version, page, key, opens, due in rows:
                batch.append(Obligation(
                    village_id=village_id, item=item, version=version, tasklist=page, item_code=item.code,
                    item_name=item.name, category=item.category, frequency=item.frequency,
                    period_key=key, opens=opens, due=due))
                if len(batch) >= BATCH:
                    Obligation.objects.bulk_create(batch, ignore_conflicts=True)
                    batch = []
        if batch:
            Obligation.objects.bulk_create(batch, ignore_conflicts=True)
    return Obligation.objects.filter(village_id__in=village_ids).count() - before


def on_demand_items(on=None):
    """Task items handled per occurrence (e.g. 三重一大 decisions), from the versions in force."""
    on = on or clock.today()
    result = []
    for page in TaskListPage.objects.live():
        version, items = _in_force(_versions_with_items(page), on)
        result += [(item, version, page) for item in items.values() if item.frequency == schedule.ON_DEMAND]
    return result


def matter_item(on=None):
    """``(item, version, page)`` of the on-demand duty a 四议两公开 matter opens (the 四议两公开 /
    三重一大 item if any, else the first on-demand item), or None."""
    candidates = on_demand_items(on)
    major = [c for c in candidates if "四议两公开" in c[0].name or "三重一大" in c[0].name]
    return (major or candidates or [None])[0]


def open_matter(record, item=None):
    """A village opens a matter (a 四议两公开 record): the on-demand duty becomes an obligation."""
    if item is None:
        found = matter_item(record.occurred_on)
        if found is None:
            return None
        item, version, page = found
    else:
        version, page = item.version, item.version.page
    days = item.deadline_day or ON_DEMAND_DAYS
    obligation, _ = Obligation.objects.get_or_create(
        village_id=record.village_id, item_code=item.code, period_key=f"事项{record.root_id_or_self}",
        defaults=dict(item=item, version=version, tasklist=page, item_name=f"{item.name}：{record.title}"[:160],
                      category=item.category, frequency=item.frequency, opens=record.occurred_on,
                      due=record.occurred_on + datetime.timedelta(days=days), matter=record))
    record.obligations.add(obligation)
    return obligation
