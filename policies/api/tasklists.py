"""Task lists and village rules API.

Public callers see live pages and versions already in force; callers with edit rights on the page
(session auth) also see unpublished lists, future versions and village rules still in draft."""

import datetime

from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from core import clock
from core.pagination import CountResultsPagination

router = Router(tags=["清单与村规民约"])


class TaskListOut(Schema):
    id: int
    title: str
    code: str
    status: str
    url: str


class BasisOut(Schema):
    title: str
    article: str
    note: str
    regulation: int | None
    url: str | None


class StepOut(Schema):
    actor: str
    action: str
    record: str
    time_limit: str = ""
    next_steps: str = ""


class ItemOut(Schema):
    code: str
    name: str
    category: str
    frequency: str
    frequency_label: str
    deadline_day: int | None
    deadline: str
    responsible: str
    basis: list[BasisOut]
    steps: list[StepOut]
    evidence: str
    disclosure: str
    supervisor: str
    risks: str
    url: str


class TaskListVersionOut(Schema):
    id: int | None
    label: str
    doc_number: str
    effective_from: datetime.date
    effective_to: datetime.date | None
    status: str


class TaskListDetail(TaskListOut):
    on: datetime.date
    version: TaskListVersionOut | None
    versions: list[TaskListVersionOut]
    items: list[ItemOut]


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
    from ..views import can_edit

    return can_edit(page, request.user)


def _day(on):
    from ..views import parse_day

    if not on:
        return clock.today()
    day = parse_day(on)
    if day is None:
        raise HttpError(400, f"日期“{on[:20]}”无效，应形如 2026-01-31。")
    return day


def _visible_lists(request):
    from ..models import TaskListPage

    pages = TaskListPage.objects.order_by("path").prefetch_related("versions")
    if not request.user.is_authenticated:
        return pages.live()
    return [p for p in pages if p.live or _can_edit(request, p)]


def _version_out(version, on, versions):
    """``versions``: every version of the list, fetched once (a task list is never repealed)."""
    from ..status import version_status, window_of

    return {"id": version.pk, "label": version.label, "doc_number": version.doc_number,
            "effective_from": version.effective_from, "effective_to": window_of(version, versions).end,
            "status": version_status(version, versions, on)}


@router.get("/tasklists/", response=list[TaskListOut], summary="清单列表")
@paginate(CountResultsPagination)
def list_tasklists(request):
    today = clock.today()
    return [{"id": p.pk, "title": p.title, "code": p.list_code, "status": p.status(today), "url": p.url or ""}
            for p in _visible_lists(request)]


@router.get("/tasklists/{int:page_id}/", response=TaskListDetail, summary="清单详情（某日施行的版本及事项）")
def tasklist_detail(request, page_id: int, on: str = ""):
    from ..models import TaskListPage
    from ..models.tasklist import basis_links
    from ..status import document_status, version_in_force

    page = TaskListPage.objects.filter(pk=page_id).first()
    if page is None or not (page.live or _can_edit(request, page)):
        raise HttpError(404, "没有找到该清单。")
    day = _day(on)
    editor = _can_edit(request, page)
    if day > clock.today() and not editor:
        raise HttpError(403, "未来日期的清单仅编辑人员可查看。")
    all_versions = list(page.versions.all())
    version = version_in_force(all_versions, day)
    versions = page.visible_versions(request, day, all_versions)
    items = []
    for item in page.items_of(version):
        items.append({
            "code": item.code, "name": item.name, "category": item.category, "frequency": item.frequency,
            "frequency_label": item.frequency_label, "deadline_day": item.deadline_day, "deadline": item.deadline,
            "responsible": item.responsible, "basis": basis_links(item, day),
            "steps": [{k: s.get(k) or "" for k in ("actor", "action", "record", "time_limit", "next_steps")}
                      for s in item.steps or []],
            "evidence": item.evidence, "disclosure": item.disclosure, "supervisor": item.supervisor,
            "risks": item.risks, "url": f"{page.url}{item.code}/" if page.url else ""})
    return {"id": page.pk, "title": page.title, "code": page.list_code,
            "status": document_status(all_versions, day), "url": page.url or "", "on": day,
            "version": _version_out(version, day, all_versions) if version else None,
            "versions": [_version_out(v, day, all_versions) for v in versions], "items": items}


@router.get("/villages/{code}/rules/", response=VillageRulesOut, summary="某村（社区）某日施行的村规民约")
def village_rules(request, code: str, on: str = ""):
    from villages.models import VillagePage

    from ..models import VillageRulePage
    from ..villagerule_status import in_force, rule_status

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
    if not editor:
        version = in_force(versions, day, rule.repealed_on)
    if version is None:
        raise HttpError(404, f"{village.title}在{day.year}年{day.month}月{day.day}日没有已备案生效的村规民约。")
    return {"village": village.title, "village_code": village.code, "title": rule.title, "url": rule.url or "",
            "on": day, "status": status,
            "version": {"id": version.pk, "label": version.label, "effective_from": version.effective_from,
                        "voted_on": version.voted_on, "vote_meeting": version.vote_meeting,
                        "filed_on": version.filed_on, "filing_number": version.filing_number,
                        "based_on": version.based_on.label if version.based_on else None},
            "articles": [{"label": a.label, "chapter": a.chapter, "text": a.text} for a in version.articles()]}
