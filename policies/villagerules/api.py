"""Village rules API: the rules of one village in force on a day.

Public callers see the live page and only filed rules in force; callers with edit rights on the page
(session auth) also see it unpublished, future days, and a text still in draft (``reading``'s rule)."""

import datetime

from ninja import Router, Schema
from ninja.errors import HttpError

from core import clock
from villages.models import VillagePage

from ..versioning.reading import can_edit, parse_day
from .models import VillageRulePage
from .reading import rule_status, visible_version

router = Router(tags=["清单与村规民约"])


class RuleVersionOut(Schema):
    id: int | None
    label: str
    effective_from: datetime.date | None
    voted_on: datetime.date | None
    vote_meeting: str
    filed_on: datetime.date | None
    filing_number: str
    based_on: str | None


class RuleArticleOut(Schema):
    label: str
    chapter: str
    text: str


class VillageRulesOut(Schema):
    village: str
    village_code: str
    title: str
    url: str
    on: datetime.date
    status: str
    version: RuleVersionOut
    articles: list[RuleArticleOut]


def _can_edit(request, page):
    return can_edit(page, request.user)


def _day(on):
    if not on:
        return clock.today()
    day = parse_day(on)
    if day is None:
        raise HttpError(400, f"日期“{on[:20]}”无效，应形如 2026-01-31。")
    return day


@router.get("/villages/{code}/rules/", response=VillageRulesOut, summary="某村（社区）某日施行的村规民约")
def village_rules(request, code: str, on: str = ""):
    village = VillagePage.objects.live().filter(code=code).first()
    if village is None:
        raise HttpError(404, f"没有找到区划代码为“{code[:20]}”的村（社区）。")
    day = _day(on)
    rule = VillageRulePage.objects.child_of(village).order_by("path").first()
    editor = rule is not None and _can_edit(request, rule)
    if rule is None or not (rule.live or editor):
        raise HttpError(404, f"{village.title}尚无村规民约。")
    if day > clock.today() and not editor:
        raise HttpError(403, "未来日期的村规民约仅编辑人员可查看。")
    versions = list(rule.versions.all())
    status, version = rule_status(versions, day, rule.repealed_on)
    version = visible_version(versions, day, rule.repealed_on, editor)
    if version is None:
        raise HttpError(404, f"{village.title}在{day.year}年{day.month}月{day.day}日没有已备案生效的村规民约。")
    return {"village": village.title, "village_code": village.code, "title": rule.title, "url": rule.url or "",
            "on": day, "status": status,
            "version": {"id": version.pk, "label": version.label, "effective_from": version.effective_from,
                        "voted_on": version.voted_on, "vote_meeting": version.vote_meeting,
                        "filed_on": version.filed_on, "filing_number": version.filing_number,
                        "based_on": version.based_on.label if version.based_on else None},
            "articles": [{"label": a.label, "chapter": a.chapter, "text": a.text} for a in version.articles()]}
