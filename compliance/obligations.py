"""Obligations = task-list items × villages × periods, using the version in force per period.

``generate(villages, start, end)`` is idempotent (unique village+code+period, ``ignore_conflicts``)
and makes one query per task list plus one set-based insert (``_insert_missing``): every
village shares the rows planned once per (item, period). A period uses the item of the version in
force on the period's due date (else on its start): a code kept across versions continues, a code
dropped by a new version stops, a new code starts with its version."""

import datetime

from django.db import connections, router, transaction

from core import clock
from policies.models import TaskItem, TaskListPage
from policies.tasklists.taskitems import HIDDEN_ORDER
from policies.versioning import schedule
from policies.versioning.status import windows

from .models import Obligation

_VILLAGES_PER_BATCH = 200
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
    if not village_ids or not rows:
        return 0
    return _insert_missing(village_ids, rows)


# Filled per (item, period) row; every other column takes the model field's default.
_ROW_FIELDS = ["item", "version", "tasklist", "item_code", "item_name", "category", "frequency", "period_key",
               "opens", "due"]


def _insert_missing(village_ids, rows):
    """Insert villages × rows, skipping those that exist (the unique village+code+period
    constraint decides, so concurrent runs are safe). Model instances are never built: each planned
    row is converted to database values once and shared by every village. Returns the new count."""
    fields = [f for f in Obligation._meta.concrete_fields if not f.primary_key]
    by_name = {f.name: f for f in fields}
    template = Obligation()
    connection = connections[router.db_for_write(Obligation)]

    def prep(field, value):
        return field.get_db_prep_save(value, connection)

    constants = [prep(f, getattr(template, f.attname)) for f in fields if f.name not in _ROW_FIELDS and f.name != "village"]
    planned = []
    for item, version, page, key, opens, due in rows:
        values = dict(item=item.pk, version=version.pk, tasklist=page.pk, item_code=item.code, item_name=item.name,
                      category=item.category, frequency=item.frequency, period_key=key, opens=opens, due=due)
        planned.append(tuple(prep(by_name[name], values[name]) for name in _ROW_FIELDS))
    table = connection.ops.quote_name(Obligation._meta.db_table)
    row_columns = [by_name[name] for name in _ROW_FIELDS]
    other = [f for f in fields if f.name not in _ROW_FIELDS and f.name != "village"]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in [by_name["village"], *row_columns, *other])
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement: the villages' ids and the planned rows go as arrays, PostgreSQL
            # makes the cross product itself (village-major, as the rows were planned).
            arrays = ", ".join(f"%s::{f.cast_db_type(connection)}[]" for f in row_columns)
            names = ", ".join(f"r{i}" for i in range(len(row_columns)))
            consts = ", ".join(f"%s::{f.cast_db_type(connection)}" for f in other)
            cursor.execute(
                f"INSERT INTO {table} ({columns}) SELECT v.id, {names}, {consts} "
                f"FROM unnest(%s::bigint[]) WITH ORDINALITY AS v(id, n) "
                f"CROSS JOIN unnest({arrays}) WITH ORDINALITY AS r({names}, n) "
                f"ORDER BY v.n, r.n ON CONFLICT DO NOTHING",
                [*constants, list(village_ids), *[list(col) for col in zip(*planned, strict=True)]])
            return cursor.rowcount
        verb = "INSERT OR IGNORE" if connection.vendor == "sqlite" else "INSERT"
        suffix = "" if connection.vendor == "sqlite" else " ON CONFLICT DO NOTHING"
        marks = ", ".join(["%s"] * (1 + len(row_columns) + len(other)))
        tail = tuple(constants)
        created = 0
        for start in range(0, len(village_ids), _VILLAGES_PER_BATCH):
            cursor.executemany(f"{verb} INTO {table} ({columns}) VALUES ({marks}){suffix}",
                               [(vid, *row, *tail) for vid in village_ids[start:start + _VILLAGES_PER_BATCH]
                                for row in planned])
            created += cursor.rowcount
        return created


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
