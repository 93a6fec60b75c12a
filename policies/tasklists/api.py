"""Task lists API.

Public callers see live lists and versions already in force; callers with edit rights on the list
(session auth) also see unpublished lists and future versions (the rule is ``reading``'s)."""

import datetime

from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from core import clock
from core.pagination import CountResultsPagination

from ..versioning.status import document_status, version_in_force, version_status, window_of
from . import reading
from .models import TaskListPage

router = Router(tags=["清单与村规民约"])  # one tag with the village rules: the API docs keep one section


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


def _can_edit(request, page):
    return reading.can_edit(page, request.user)


def _day(on):
    if not on:
        return clock.today()
    day = reading.parse_day(on)
    if day is None:
        raise HttpError(400, f"日期“{on[:20]}”无效，应形如 2026-01-31。")
    return day


def _visible_lists(request):
    pages = TaskListPage.objects.order_by("path").prefetch_related("versions")
    if not request.user.is_authenticated:
        return pages.live()
    return [p for p in pages if p.live or _can_edit(request, p)]


def _version_out(version, on, versions):
    """``versions``: every version of the list, fetched once (a task list is never repealed)."""
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
    page = TaskListPage.objects.filter(pk=page_id).first()
    if page is None or not (page.live or _can_edit(request, page)):
        raise HttpError(404, "没有找到该清单。")
    day = _day(on)
    if not reading.may_read_day(page, request.user, day):
        raise HttpError(403, reading.FUTURE_HIDDEN)
    all_versions = list(page.versions.all())
    version = version_in_force(all_versions, day)
    versions = reading.visible_versions(page, request.user, all_versions)
    items = []
    for item in page.items_of(version):
        items.append({
            "code": item.code, "name": item.name, "category": item.category, "frequency": item.frequency,
            "frequency_label": item.frequency_label, "deadline_day": item.deadline_day, "deadline": item.deadline,
            "responsible": item.responsible, "basis": reading.basis_links(item, day),
            "steps": [{k: s.get(k) or "" for k in ("actor", "action", "record", "time_limit", "next_steps")}
                      for s in item.steps or []],
            "evidence": item.evidence, "disclosure": item.disclosure, "supervisor": item.supervisor,
            "risks": item.risks, "url": page.item_url(item.code) if page.url else ""})
    return {"id": page.pk, "title": page.title, "code": page.list_code,
            "status": document_status(all_versions, day), "url": page.url or "", "on": day,
            "version": _version_out(version, day, all_versions) if version else None,
            "versions": [_version_out(v, day, all_versions) for v in versions], "items": items}
