"""Regulations API: list, detail with versions, text in force on a day, diff of two versions.

Public callers see live regulations and versions that have taken effect; callers with edit rights
on a regulation (session auth) also see it unpublished and its future versions."""

import datetime

from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from core import clock
from core.pagination import CountResultsPagination

from ..versioning.diff import diff_articles
from ..versioning.status import ALL_STATUSES, version_status, windows
from .models import RegulationPage
from .reading import (
    NotVisible,
    can_edit,
    filter_regulations,
    page_status,
    parse_day,
    version_for_day,
    versions_of,
    visible_versions,
)

router = Router(tags=["制度"])


class RegulationOut(Schema):
    id: int
    title: str
    number: str
    issuer: str
    status: str
    url: str


class VersionOut(Schema):
    id: int | None
    label: str
    effective_from: datetime.date
    effective_to: datetime.date | None
    status: str


class RegulationDetail(RegulationOut):
    versions: list[VersionOut]


class ArticleOut(Schema):
    label: str
    chapter: str
    text: str


class TextOut(Schema):
    version: VersionOut
    articles: list[ArticleOut]


class ChangeOut(Schema):
    change: str
    from_label: str | None
    to_label: str | None
    before: str
    after: str


class DiffOut(Schema):
    changes: list[ChangeOut]


class Message(Schema):
    detail: str


def _pages(user):
    queryset = RegulationPage.objects.all().order_by("title")
    if not (user and user.is_authenticated):
        return queryset.live()
    editable = [p.pk for p in queryset.filter(live=False) if can_edit(p, user)]
    return queryset.filter(live=True) | queryset.filter(pk__in=editable)


def _page_or_404(request, page_id):
    page = _pages(request.user).filter(pk=page_id).first()
    if page is None:
        raise HttpError(404, "找不到该制度，或者您没有查看权限。")
    return page


def _summary(page):
    return {"id": page.pk, "title": page.title, "number": page.doc_number, "issuer": page.issuer,
            "status": page_status(page), "url": page.url or ""}


def _versions(page, user):
    today = clock.today()
    versions, repeal = versions_of(page)
    shown = visible_versions(page, user, versions)
    return [{"id": v.pk, "label": v.label, "effective_from": v.effective_from, "effective_to": w.end,
             "status": version_status(v, versions, today, repeal)}
            for v, w in windows(versions, repeal) if v in shown]


@router.get("/regulations/", response=list[RegulationOut], summary="制度列表")
@paginate(CountResultsPagination)
def list_regulations(request, q: str = "", category: str = "", status: str = ""):
    if status and status not in ALL_STATUSES:
        raise HttpError(422, f"状态“{status}”无效，可选：{'、'.join(ALL_STATUSES)}。")
    return [_summary(p) for p in filter_regulations(_pages(request.user), q.strip(), category.strip(), status)]


@router.get("/regulations/{int:page_id}/", response={200: RegulationDetail, 404: Message}, summary="制度详情与版本")
def regulation_detail(request, page_id: int):
    page = _page_or_404(request, page_id)
    return dict(_summary(page), versions=_versions(page, request.user))


@router.get("/regulations/{int:page_id}/text/", response={200: TextOut, 404: Message, 422: Message},
            summary="某日施行的条文")
def regulation_text(request, page_id: int, on: str = ""):
    page = _page_or_404(request, page_id)
    day = parse_day(on) if on else clock.today()
    if day is None:
        raise HttpError(422, f"日期“{on}”格式不对，应为 YYYY-MM-DD，如 2024-01-01。")
    try:
        version = version_for_day(page, request.user, day)
    except NotVisible as exc:
        raise HttpError(404, str(exc)) from None
    info = next(v for v in _versions(page, request.user) if v["id"] == version.pk)
    articles = [{"label": a.label, "chapter": a.chapter, "text": a.text} for a in version.articles()]
    return {"version": info, "articles": articles}


def _version_param(value, name):
    if not value:
        raise HttpError(422, f"请提供参数 {name}（版本编号）。")
    if not str(value).isdigit():
        raise HttpError(422, f"参数 {name} 应为版本编号（整数），收到“{value}”。")
    return int(value)


@router.get("/regulations/{int:page_id}/diff/", response={200: DiffOut, 404: Message, 422: Message},
            summary="两个版本逐条比较")
def regulation_diff(request, page_id: int):
    page = _page_or_404(request, page_id)
    from_id = _version_param(request.GET.get("from"), "from")
    to_id = _version_param(request.GET.get("to"), "to")
    shown = {v.pk: v for v in visible_versions(page, request.user)}
    if from_id not in shown or to_id not in shown:
        raise HttpError(404, "找不到指定的版本，或者该版本尚未生效、您没有查看权限。")
    changes = diff_articles(shown[from_id].articles(), shown[to_id].articles())
    return {"changes": [c.as_dict() for c in changes]}
