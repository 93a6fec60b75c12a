"""三务公开 across the county: the public records that disclose something, by township, village,
category and period, with where each was posted, the amounts it names and its photos.

Only records the public may read (``access.public_records``, the one public-record rule) are
listed; the page is a read model like ``queries``: a fixed number of queries per page."""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Prefetch

from villages.models import TownshipPage, VillagePage

from . import access
from . import kinds as k
from .models import Attachment, Record

KINDS = (k.DISCLOSURE, k.SIYI)
PER_PAGE = 30
PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
# "12,500.00元", "3.2万元": amounts named in a disclosure's text.
AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")
SIYI_POSTINGS = (("s5", "决议公开"), ("s6", "实施结果公开"))


@dataclass
class Filters:
    township: TownshipPage | None = None
    village: VillagePage | None = None
    scope: str = ""
    period: str = ""
    errors: tuple = ()


def parse_filters(params):
    """Filters from query parameters; an unknown value is reported (in Chinese) and ignored."""
    f, errors = Filters(), []
    code = (params.get("township") or "").strip()
    if code:
        f.township = TownshipPage.objects.live().filter(code=code).first()
        if f.township is None:
            errors.append("没有这个乡镇，已显示全县。")
    code = (params.get("village") or "").strip()
    if code:
        f.village = VillagePage.objects.live().filter(code=code).first()
        if f.village is None:
            errors.append("没有这个村，已显示全部村。")
    scope = (params.get("scope") or "").strip()
    if scope and scope not in k.SCOPES:
        errors.append(f"公开类别应为{'、'.join(k.SCOPES)}。")
    else:
        f.scope = scope
    period = (params.get("period") or "").strip()
    match = PERIOD.match(period)
    if period and not (match and (match.group(2) is None or 1 <= int(match.group(2)) <= 12)):
        errors.append("期间应写作年份（2026）或年月（2026-11）。")
    else:
        f.period = period
    f.errors = tuple(errors)
    return f


def _period_range(period):
    year, month = PERIOD.match(period).groups()
    year = int(year)
    if month is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    start = datetime.date(year, int(month), 1)
    return start, (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)


def disclosed(filters):
    """The queryset of public disclosures matching ``filters``, newest first."""
    qs = access.public_records(Record.objects.filter(kind__in=KINDS))
    if filters.village is not None:
        qs = qs.filter(village=filters.village)
    elif filters.township is not None:
        qs = qs.filter(village__path__startswith=filters.township.path)
    if filters.scope:
        # 四议两公开 decisions are 村务 by nature.
        qs = qs.filter(content__scope=filters.scope) if filters.scope != "村务" else qs.filter(
            kind=k.SIYI) | qs.filter(content__scope="村务")
    if filters.period:
        start, end = _period_range(filters.period)
        qs = qs.filter(occurred_on__range=(start, end))
    return qs.order_by("-occurred_on", "-id")


def amounts(record):
    """The amounts a record carries: its money fields, then amounts named in its text."""
    found = []
    for f in k.schema(record.kind):
        value = record.content.get(f.name)
        if f.type == "money" and value not in (None, ""):
            found.append(f"{f.label.replace('（元）', '')} {value} 元")
        elif f.type in ("text", "textarea") and isinstance(value, str):
            found += [f"{n}{unit}" for n, unit in AMOUNT.findall(value)]
    return found


def postings(record):
    """Where and when a record was posted: ``[(what, channel, posted_on, removed_on)]``."""
    c = record.content
    if record.kind == k.SIYI:
        return [(label, c.get(f"{step}_channel", ""), c.get(f"{step}_date", ""), "")
                for step, label in SIYI_POSTINGS if c.get(f"{step}_channel")]
    return [(c.get("scope", "") + "公开", c.get("channel", ""), c.get("posted_on", ""), c.get("removed_on", ""))]


def page_of(filters, page_no):
    """One page of disclosures (villages, townships and image attachments fetched with it)."""
    qs = disclosed(filters).select_related("village").prefetch_related(Prefetch(
        "attachments", queryset=Attachment.objects.filter(file_type__in=("jpg", "png")).order_by("id"),
        to_attr="photos"))
    rows = list(qs[(page_no - 1) * PER_PAGE: page_no * PER_PAGE + 1])
    townships = {t.path: t for t in TownshipPage.objects.live().only("id", "title", "code", "path")}
    for r in rows[:PER_PAGE]:
        r.township = townships.get(r.village.path[:-VillagePage.steplen])
        r.amount_list = amounts(r)
        r.posting_list = postings(r)
        r.summary = r.content.get("subject") or r.content.get("matter") or ""
    return rows[:PER_PAGE], len(rows) > PER_PAGE, list(townships.values())
