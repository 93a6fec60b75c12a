"""/api/v1/villages/{code}/obligations/ and /api/v1/villages/{code}/records/ (submission).

Reads: public callers see only duties with a disclosure requirement and only records disclosed
online. Writes: authenticated by session (with CSRF) or HTTP Basic; the same rules as the form. The body
is JSON, or multipart with the JSON in a ``payload`` field and evidence files in ``files``."""

import json

from django.db.models import Prefetch
from django.urls import reverse
from ninja import Router, Schema, Status

from core import clock
from core.api_auth import DENIED, api_user
from policies.versioning.schedule import parse_period
from villages import access as village_access
from villages.models import VillagePage

from . import access, services
from .models import Obligation, Record

router = Router(tags=["履职记录"])


class RecordRef(Schema):
    id: int
    url: str


class ObligationOut(Schema):
    item_code: str
    item: str
    period: str
    status: str
    due: str
    records: list[RecordRef]


class ObligationsOut(Schema):
    village: str
    period: str
    results: list[ObligationOut]


class Message(Schema):
    detail: str
    errors: dict[str, str] = {}


def _payload(request):
    """The JSON body, checked by hand so that every problem gets a Chinese message:
    {"kind", "title", "occurred_on", "content": {…}, "obligations": [id…],
     "obligation_refs": [{"item_code", "period"}], "citations": [{"version", "article"}], "submit": true}"""
    try:
        if request.content_type == "multipart/form-data":  # JSON in "payload", evidence in "files"
            data = json.loads(request.POST.get("payload") or "{}")
        else:
            data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise services.Invalid({"body": "请求体不是有效的 JSON。"}) from None
    if not isinstance(data, dict):
        raise services.Invalid({"body": "请求体应为 JSON 对象。"})
    expected = {"kind": str, "title": str, "occurred_on": str, "content": dict, "obligations": list,
                "obligation_refs": list, "citations": list, "submit": bool}
    for key, kind in expected.items():
        if key in data and not isinstance(data[key], kind):
            raise services.Invalid({key: f"字段“{key}”的类型不正确。"})
    return data


class RecordOut(Schema):
    id: int
    url: str
    state: str
    revision: int
    flags: list[str]


def _village(code):
    return VillagePage.objects.live().filter(code=code).first()


@router.get("/villages/{code}/obligations/", response={200: ObligationsOut, 404: Message, 422: Message},
            summary="某村某期间的履职事项及状态")
def obligations(request, code: str, period: str = ""):
    village = _village(code)
    if village is None:
        return Status(404, {"detail": "未找到该村"})
    today = clock.today()
    try:
        p = parse_period(period or f"{today:%Y-%m}")
    except ValueError as exc:
        return Status(422, {"detail": str(exc)})
    full = village_access.can_view_village(request.user, village)
    records_qs = Record.objects.filter(is_current=True).only("id", "village_id", "is_public", "state")
    qs = Obligation.objects.filter(village=village, opens__lte=p.end, due__gte=p.start).order_by("due", "item_code")
    if not full:
        records_qs = access.public_records(records_qs)
        qs = qs.exclude(item__disclosure="").exclude(item__isnull=True)
    qs = qs.prefetch_related(Prefetch("records", queryset=records_qs, to_attr="shown"))
    return Status(200, {"village": village.code, "period": p.key, "results": [
        {"item_code": ob.item_code, "item": ob.item_name, "period": ob.period_key, "status": ob.status(today),
         "due": ob.due.isoformat(),
         "records": [{"id": r.pk, "url": request.build_absolute_uri(reverse("compliance:record", args=[r.pk]))} for r in ob.shown]} for ob in qs]})


def _user(request):
    """Bearer token, HTTP Basic or the session (``core.api_auth``)."""
    return api_user(request)


@router.post("/villages/{code}/records/", response={201: RecordOut, 403: Message, 404: Message, 422: Message},
             summary="提交履职记录")
def submit_record(request, code: str):
    user, problem, by_credentials = _user(request)
    if user is None:
        return Status(403, {"detail": problem})
    village = _village(code)
    if by_credentials and (village is None or not village_access.village_rights(user, village)[1]):
        return Status(403, {"detail": DENIED})  # the same answer as a wrong credential
    if village is None:
        return Status(404, {"detail": "未找到该村"})
    can_view, can_write, _ = village_access.village_rights(user, village)  # one query
    if not can_write:
        if not can_view:
            return Status(404, {"detail": "未找到该村"})
        return Status(403, {"detail": "您不能为该村提交记录。"})
    try:
        data = _payload(request)
        ids = [i for i in data.get("obligations", []) if isinstance(i, int)]
        if len(ids) != len(data.get("obligations", [])):
            raise services.Invalid({"obligations": "履职事项应以编号（整数）列出。"})
        for ref in data.get("obligation_refs", []):
            ob = Obligation.objects.filter(village=village, item_code=str(ref.get("item_code", "")),
                                           period_key=str(ref.get("period", ""))).first() \
                if isinstance(ref, dict) else None
            if ob is None:
                raise services.Invalid({"obligations": "所引用的履职事项不存在。"})
            ids.append(ob.pk)
        record = services.save(village, user, data.get("kind", ""), data.get("title", ""),
                               data.get("occurred_on", ""), data.get("content", {}), submit=data.get("submit", True),
                               obligations=ids, citations=data.get("citations", []),
                               files=request.FILES.getlist("files"))
    except services.Invalid as exc:
        return Status(422, {"detail": "；".join(exc.errors.values()), "errors": exc.errors})
    return Status(201, {"id": record.pk, "url": request.build_absolute_uri(record.get_absolute_url()),
                 "state": record.get_state_display(), "revision": record.revision, "flags": record.flags})
