"""Read models for pages and dashboards. Every function issues a fixed number of queries,
whatever the number of records: aggregates in SQL, grouping in Python."""

import datetime
from collections import OrderedDict, defaultdict

from django.db.models import Count, F, FilteredRelation, Q

from core import clock
from villages.models import TownshipPage, VillagePage

from . import status as st
from .models import (
    Citation,
    ElevatedSupervision,
    Obligation,
    Record,
    SupervisionAction,
    TargetTask,
    overdue_q,
)

UPCOMING_DAYS = 90
RECENT_DAYS = 14

# 红旗村 score, shown verbatim on the dashboards.
SCORE_FORMULA = ("得分 = 100 × (按时完成数 + 0.5 × 逾期后完成数) ÷ 应完成数 − 5 × 书面警示次数 − 10 × 未结整改数；"
                 "得分 ≥ 90 且无未结整改的村评为“红旗村”。应完成数：本年度期限已到且非“不适用”的履职事项。")
RED_FLAG_THRESHOLD = 90
OVERDUE_SHOWN = 50  # the oldest overdue duties listed on a dashboard; the total is always given


RECORD_FIELDS = ("id", "title", "kind", "state", "occurred_on", "is_public", "village_id")
ELEVATED_FIELDS = ("id", "village_id", "reason", "since", "until")


def _instance(model, row, prefix, names):
    """A ``model`` instance (other fields deferred) from the columns ``<prefix>_<name>`` annotated on
    ``row``; ``from_db`` wants the values in the model's field order."""
    attnames = [f.attname for f in model._meta.concrete_fields if f.attname in names]
    return model.from_db(row._state.db, attnames, [getattr(row, f"{prefix}_{name}") for name in attnames])


def _obligations_with_records(village, year_start, opens_by, full_access):
    """``(obligations, elevated)``: the village's obligations due this year (opening by ``opens_by``),
    each with ``shown_records`` (current records, only the public ones unless ``full_access``, newest
    first), and its open 提级监督 if any, in one query: LEFT JOINs on the records and on the village's
    (one-to-one) elevation instead of a prefetch query and a lookup. A second query only when the
    village has no obligation in the window, for the elevation."""
    shown = Q(records__is_current=True)
    if not full_access:
        # Same rule as access.public_records (disclosed online, submitted), as a join condition.
        shown &= Q(records__is_public=True, records__state__in=[s for s, _l in Record.STATE_CHOICES
                                                                  if s != Record.DRAFT])
    rows = (Obligation.objects.filter(village=village, due__gte=year_start, opens__lte=opens_by)
            .annotate(shown=FilteredRelation("records", condition=shown))
            .annotate(**{f"shown_{name}": F(f"shown__{name}") for name in RECORD_FIELDS},
                      **{f"elevated_{name}": F(f"village__elevated__{name}") for name in ELEVATED_FIELDS})
            .order_by("due", "item_code", "id", "-shown__occurred_on", "-shown__id"))
    obligations, elevated = OrderedDict(), None
    for row in rows:
        ob = obligations.setdefault(row.pk, row)
        if ob is row:
            ob.shown_records = []
        if row.shown_id is not None:
            ob.shown_records.append(_instance(Record, row, "shown", RECORD_FIELDS))
        if elevated is None and row.elevated_id is not None and row.elevated_until is None:
            elevated = _instance(ElevatedSupervision, row, "elevated", ELEVATED_FIELDS)
    if not obligations:
        elevated = ElevatedSupervision.objects.filter(village=village, until__isnull=True).first()
    return list(obligations.values()), elevated


def village_overview(village, user, today=None, full_access=False):
    """Everything the village page section shows, in three queries (five with full access)."""
    today = today or clock.today()
    year_start = datetime.date(today.year, 1, 1)
    obligations, elevated = _obligations_with_records(
        village, year_start, today + datetime.timedelta(days=UPCOMING_DAYS), full_access)
    current, upcoming, by_item = [], [], OrderedDict()
    for ob in obligations:
        ob.shown_status = ob.status(today)
        ob.badge = st.BADGE[ob.shown_status]
        if ob.opens > today:
            upcoming.append(ob)
        elif ob.due >= today - datetime.timedelta(days=RECENT_DAYS) or ob.shown_status in (st.OVERDUE, st.RETURNED):
            current.append(ob)
        entry = by_item.setdefault(ob.item_code, {"code": ob.item_code, "name": ob.item_name,
                                                  "item_id": ob.item_id, "records": [], "done": 0, "due": 0})
        entry["records"] += ob.shown_records
        if ob.due <= today and not ob.not_applicable:
            entry["due"] += 1
            entry["done"] += st.counts_as_done(ob.shown_status)
    records_by_id = {r.pk: r for ob in obligations for r in ob.shown_records}
    citations = list(Citation.objects.filter(record_id__in=records_by_id).select_related("regulation", "version"))
    by_article = OrderedDict()
    for c in citations:
        entry = by_article.setdefault((c.regulation_id, c.anchor), {"citation": c, "record_ids": set()})
        entry["record_ids"].add(c.record_id)
    for entry in by_article.values():
        entry["records"] = [records_by_id[i] for i in sorted(entry["record_ids"])]
    return {
        "village": village, "today": today, "current": current, "upcoming": upcoming[:30],
        "by_item": list(by_item.values()), "by_article": list(by_article.values()),
        "elevated": elevated,
        "actions": list(SupervisionAction.objects.filter(village=village)[:10]) if full_access else [],
        "targets": list(TargetTask.objects.filter(village=village, year=today.year)),
        "pending": list(Record.objects.filter(village=village, is_current=True, state__in=[
            Record.DRAFT, Record.RETURNED]).only("id", "title", "state", "review_comment", "occurred_on")[:20])
        if full_access else [],
        "full_access": full_access,
    }


def _due_filter(today, year):
    return Q(due__gte=datetime.date(year, 1, 1), due__lte=today, not_applicable=False)


def _aggregates(qs, group_fields, today):
    accepted = Q(review=st.ACCEPTED)
    late = accepted & Q(submitted_on__gt=F("due"))
    overdue = overdue_q(today)  # the one definition (models.overdue_q)
    return qs.values(*group_fields).annotate(
        total=Count("id"), done=Count("id", filter=accepted), late=Count("id", filter=late),
        overdue=Count("id", filter=overdue)).order_by(*group_fields)


def _rate(done, total):
    return round(100 * done / total) if total else None


def heat_class(rate):
    if rate is None:
        return "heat-none"
    return "heat-" + ("5" if rate >= 95 else "4" if rate >= 85 else "3" if rate >= 70 else "2" if rate >= 50 else "1")


def dashboard(villages, today=None, by_township=False, by_item=False, overdue_limit=OVERDUE_SHOWN):
    """Completion heatmap (rows: villages or townships × columns: task lists, or single duties
    with ``by_item``), overdue list, monthly trend, 红旗村 scores. ``villages``: a queryset."""
    today = today or clock.today()
    village_list = list(villages.order_by("code").only("id", "title", "code", "path", "url_path"))
    ids = [v.pk for v in village_list]
    base = Obligation.objects.filter(village_id__in=ids).filter(_due_filter(today, today.year))
    column = "item_code" if by_item else "tasklist_id"
    cells = [dict(c, col=c[column]) for c in _aggregates(base, ["village_id", column], today)]
    if by_item:
        lists = OrderedDict((code, code) for code in sorted({c["col"] for c in cells}))
    else:
        from policies.models import TaskListPage

        names = dict(TaskListPage.objects.filter(pk__in={c["col"] for c in cells}).values_list("pk", "title"))
        lists = OrderedDict(sorted(((pk, names.get(pk, "（其他）")) for pk in {c["col"] for c in cells}),
                                   key=lambda kv: kv[1]))
    townships = {t.path: t for t in TownshipPage.objects.only("id", "title", "code", "path")}
    township_of = {v.pk: townships.get(v.path[:len(v.path) - VillagePage.steplen]) for v in village_list}
    rows = OrderedDict()
    if by_township:
        for v in village_list:
            t = township_of[v.pk]
            rows.setdefault(t.pk, {"label": t.title, "code": t.code, "obj": t, "cells": {}, "villages": 0})
            rows[t.pk]["villages"] += 1
    else:
        for v in village_list:
            rows[v.pk] = {"label": v.title, "code": v.code, "obj": v, "cells": {}}
    village_totals = defaultdict(lambda: {"total": 0, "done": 0, "late": 0, "overdue": 0})
    for c in cells:
        key = township_of[c["village_id"]].pk if by_township else c["village_id"]
        cell = rows[key]["cells"].setdefault(c["col"], {"total": 0, "done": 0, "overdue": 0})
        for name in ("total", "done", "overdue"):
            cell[name] += c[name]
        for name in ("total", "done", "late", "overdue"):
            village_totals[c["village_id"]][name] += c[name]
    for row in rows.values():
        row["cell_list"] = []
        for list_id in lists:
            cell = row["cells"].get(list_id, {"total": 0, "done": 0, "overdue": 0})
            cell["rate"] = _rate(cell["done"], cell["total"])
            cell["heat"] = heat_class(cell["rate"])
            row["cell_list"].append(cell)
    scores = red_flag_scores(village_list, village_totals, today)
    for score in scores:  # village names repeat across townships: always show both
        score["township"] = township_of.get(score["village"].pk)
    overdue_qs = Obligation.objects.filter(village_id__in=ids).overdue(today)
    overdue_qs = overdue_qs.select_related("village").order_by("due", "id")
    overdue = list(overdue_qs[:overdue_limit] if overdue_limit else overdue_qs)
    overdue_total = overdue_qs.count() if overdue_limit and len(overdue) == overdue_limit else len(overdue)
    for ob in overdue:
        ob.shown_status = ob.status(today)
        ob.township = township_of.get(ob.village_id)
    return {"today": today, "lists": list(lists.values()), "rows": list(rows.values()), "scores": scores,
            "overdue": overdue, "overdue_total": overdue_total, "trend": monthly_trend(ids, today), "formula": SCORE_FORMULA,
            "by_township": by_township, "by_item": by_item,
            "elevated": list(ElevatedSupervision.objects.filter(village_id__in=ids, until__isnull=True)
                             .select_related("village").order_by("village__code"))}


def red_flag_scores(village_list, totals, today):
    warnings = defaultdict(int)
    open_rectify = defaultdict(int)
    for row in SupervisionAction.objects.filter(village_id__in=[v.pk for v in village_list],
                                                issued_on__year=today.year).values("village_id", "kind", "closed_on"):
        if row["kind"] == SupervisionAction.WARNING:
            warnings[row["village_id"]] += 1
        if row["kind"] == SupervisionAction.RECTIFY and row["closed_on"] is None:
            open_rectify[row["village_id"]] += 1
    result = []
    for v in village_list:
        t = totals.get(v.pk, {"total": 0, "done": 0, "late": 0, "overdue": 0})
        on_time = t["done"] - t["late"]
        base = 100 * (on_time + 0.5 * t["late"]) / t["total"] if t["total"] else 100
        score = round(base - 5 * warnings[v.pk] - 10 * open_rectify[v.pk], 1)
        result.append({"village": v, "score": score, "total": t["total"], "on_time": on_time, "late": t["late"],
                       "overdue": t["overdue"], "warnings": warnings[v.pk], "open_rectify": open_rectify[v.pk],
                       "red_flag": score >= RED_FLAG_THRESHOLD and not open_rectify[v.pk]})
    result.sort(key=lambda r: (-r["score"], r["village"].code))
    return result


def monthly_trend(village_ids, today, months=12):
    """One query grouped by due date (a few hundred rows at most), folded into months here:
    no per-row date functions in SQL."""
    first = today.replace(day=1)
    for _ in range(months - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    rows = (Obligation.objects.filter(village_id__in=village_ids, due__gte=first, due__lte=today,
                                      not_applicable=False)
            .values("due").annotate(total=Count("id"), done=Count("id", filter=Q(review=st.ACCEPTED))).order_by("due"))
    months_data = OrderedDict()
    for row in rows:
        month = months_data.setdefault(row["due"].replace(day=1), {"total": 0, "done": 0})
        month["total"] += row["total"]
        month["done"] += row["done"]
    return [{"month": m, "total": v["total"], "done": v["done"], "rate": _rate(v["done"], v["total"])}
            for m, v in months_data.items()]


def trend_svg(trend, width=640, height=200):
    """A server-rendered SVG line of monthly completion rates (0–100%)."""
    pad_l, pad_b, pad_t = 36, 28, 12
    n = len(trend)
    if not n:
        return ""
    step = (width - pad_l - 10) / max(n - 1, 1)
    inner = height - pad_b - pad_t

    def y(rate):
        return pad_t + inner * (1 - (rate or 0) / 100)

    points = " ".join(f"{pad_l + i * step:.1f},{y(p['rate']):.1f}" for i, p in enumerate(trend))
    parts = [f'<svg class="trend" viewBox="0 0 {width} {height}" role="img" aria-label="月度完成率趋势" '
             f'xmlns="http://www.w3.org/2000/svg">']
    for pct in (0, 50, 100):
        parts.append(f'<line x1="{pad_l}" x2="{width - 10}" y1="{y(pct):.1f}" y2="{y(pct):.1f}" class="grid"/>'
                     f'<text x="2" y="{y(pct) + 4:.1f}" class="axis">{pct}%</text>')
    parts.append(f'<polyline points="{points}" class="line" fill="none"/>')
    for i, p in enumerate(trend):
        x = pad_l + i * step
        parts.append(f'<circle cx="{x:.1f}" cy="{y(p["rate"]):.1f}" r="3"><title>{p["month"]:%Y年%m月}：'
                     f'{p["rate"]}%（{p["done"]}/{p["total"]}）</title></circle>'
                     f'<text x="{x:.1f}" y="{height - 8}" class="axis" text-anchor="middle">{p["month"].month}月</text>')
    parts.append("</svg>")
    return "".join(parts)
