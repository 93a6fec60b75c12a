"""The village page's order of reading: what the person who opened it came for comes first.

A cadre first sees the duties to act on now (returned, overdue, open), one line per duty with a
one-tap link per period to the form that proves it; the rest of the year folds away. A visitor
first sees the village's disclosures (the public-record rule of ``compliance.access``). Plain
functions on what ``queries.village_overview`` already fetched, plus one query for disclosures."""

import datetime
from collections import OrderedDict

from . import access
from . import kinds as k
from . import status as st
from .duty_kinds import kind_of
from .models import Record

# Most urgent first: a returned record has a reviewer's reason waiting, then what is late.
ACT_ORDER = {st.RETURNED: 0, st.OVERDUE: 1, st.TO_SUBMIT: 2}
DISCLOSURE_KINDS = (k.DISCLOSURE, k.SIYI)
RECENT_DISCLOSURES = 6
# An open duty is "due now" when its deadline is this close; later ones wait, folded, with the rest.
SOON_DAYS = 14


def must_act(ob, today):
    """Returned and overdue duties, and open ones falling due within ``SOON_DAYS``."""
    if ob.shown_status == st.TO_SUBMIT:
        return ob.due <= today + datetime.timedelta(days=SOON_DAYS)
    return ob.shown_status in ACT_ORDER


def act_now(current, today):
    """Duties of ``current`` (obligations with ``shown_status``) a cadre must act on, grouped by duty:
    ``[{"code", "name", "kind", "status", "periods": [obligation…]}]``, most urgent duty first,
    its periods most urgent, then oldest first (the oldest late period is the one to catch up on)."""
    groups = OrderedDict()
    for ob in current:
        if not must_act(ob, today):
            continue
        ob.record_kind = kind_of(ob)
        group = groups.setdefault(ob.item_code, {"code": ob.item_code, "name": ob.item_name,
                                                 "kind": ob.record_kind, "periods": []})
        ob.short_label = short_label(ob, today.year)
        group["periods"].append(ob)
    for group in groups.values():
        group["periods"].sort(key=lambda ob: (ACT_ORDER[ob.shown_status], ob.due, ob.pk))
        group["status"] = min((ob.shown_status for ob in group["periods"]), key=ACT_ORDER.get)
    return sorted(groups.values(), key=lambda g: (ACT_ORDER[g["status"]], g["periods"][0].due, g["code"]))


def short_label(ob, year):
    """"第44周" for "2026年第44周" in 2026: the chips of a duty sit on one line at 360 px."""
    label = ob.period_label
    prefix = f"{year}年"
    return label[len(prefix):] if label.startswith(prefix) and len(label) > len(prefix) else label


def by_duty(obligations):
    """One row per duty: ``{"code", "name", "counts": [(status, n)], "records": [...]}``."""
    rows = OrderedDict()
    for ob in obligations:
        row = rows.setdefault(ob.item_code, {"code": ob.item_code, "name": ob.item_name, "obs": [], "records": []})
        row["obs"].append(ob)
        row["records"] += ob.shown_records
    for row in rows.values():
        row["counts"] = status_counts(row.pop("obs"))
    return list(rows.values())


def status_counts(obligations):
    counts = OrderedDict((s, 0) for s in st.ALL)
    for ob in obligations:
        counts[ob.shown_status] += 1
    return [(s, n) for s, n in counts.items() if n]


def recent_disclosures(village, limit=RECENT_DISCLOSURES):
    """The village's latest public disclosures (三务公开 and the public steps of 四议两公开)."""
    qs = access.public_records(Record.objects.filter(village=village, kind__in=DISCLOSURE_KINDS))
    return list(qs.only("id", "title", "kind", "occurred_on", "content").order_by("-occurred_on", "-id")[:limit])


def arrange(context, can_write):
    """Adds the page's reading order to a ``village_overview`` context."""
    current = context["current"]
    context["act_now"] = act_now(current, context["today"]) if can_write else []
    acted = {ob.pk for g in context["act_now"] for ob in g["periods"]}
    context["other_current"] = [ob for ob in current if ob.pk not in acted]
    context["current_counts"] = status_counts(current)
    context["other_by_duty"] = by_duty(context["other_current"])
    context["disclosures"] = [] if can_write else recent_disclosures(context["village"])
    return context
