"""One record over JSON: ``GET /records/{id}/`` (its revisions and reviews), ``POST
/records/{id}/revisions/`` (a correction or resubmission) and ``POST /records/{id}/review/``.

The same transitions as the pages, through ``services`` (locked and re-checked there); the same
authentication as submitting (HTTP Basic, or the session with CSRF) and the same village rights:
a caller who may not read the village gets 404, one who may read but not act gets 403."""

from ninja import Router, Schema, Status

from villages import access as village_access

from . import access, services
from .api_common import Message, api_user, invalid_body, obligation_ids, payload
from .models import Record

router = Router(tags=["履职记录"])

NOT_FOUND = {"detail": "未找到该履职记录。"}


class RevisionOut(Schema):
    id: int
    revision: int
    state: str


class ReviewOut(Schema):
    result: str
    comment: str
    at: str


class RecordDetailOut(Schema):
    id: int
    village: str
    kind: str
    title: str
    state: str
    state_label: str
    revision: int
    current_id: int | None
    flags: list[str]
    revisions: list[RevisionOut]
    reviews: list[ReviewOut]


def _record(pk):
    return Record.objects.select_related("village").filter(pk=pk, village__live=True).first()


def detail(record, full=True):
    """The record as the API shows it. The revision history is for those with full access, as on
    the record page; reviews are shown to whoever may see the record."""
    history = record.history if full else [record]
    current = next((r.pk for r in history if r.is_current), None)
    return {"id": record.pk, "village": record.village.code, "kind": record.kind, "title": record.title,
            "state": record.state, "state_label": record.state_label, "revision": record.revision,
            "current_id": current, "flags": record.flags,
            "revisions": [{"id": r.pk, "revision": r.revision, "state": r.state} for r in history],
            "reviews": [{"result": v.result, "comment": v.comment, "at": v.at.isoformat()}
                        for v in record.reviews.order_by("at", "id")]}


@router.get("/records/{record_id}/", response={200: RecordDetailOut, 403: Message, 404: Message}, summary="履职记录及其版本、审核")
def get_record(request, record_id: int):
    record = _record(record_id)
    user = request.user
    if "HTTP_AUTHORIZATION" in request.META:
        user, problem = api_user(request)
        if user is None:
            return Status(403, {"detail": problem})
    full = record is not None and village_access.can_view_village(user, record.village)
    if record is None or not (full or access.is_public(record)):
        return Status(404, NOT_FOUND)
    return Status(200, detail(record, full))


def _acting(request, record_id, right):
    """``(user, record, None)`` or ``(None, None, Status)``. ``right``: 1 submit, 2 review."""
    user, problem = api_user(request)
    if user is None:
        return None, None, Status(403, {"detail": problem})
    record = _record(record_id)
    if record is None:
        return None, None, Status(404, NOT_FOUND)
    rights = village_access.village_rights(user, record.village)  # (view, write, review), one query
    if not rights[right]:
        if not rights[0]:
            return None, None, Status(404, NOT_FOUND)
        return None, None, Status(403, {"detail": "您不能审核该村的记录。" if right == 2 else "您不能为该村提交记录。"})
    return user, record, None


def _refused(exc):
    # A state that changed under the caller is a conflict; anything else is bad input.
    return Status(409 if "state" in exc.errors else 422, invalid_body(exc))


@router.post("/records/{record_id}/revisions/", response={201: RecordDetailOut, 403: Message, 404: Message,
                                                          409: Message, 422: Message},
             summary="更正或重新提交履职记录（新版本）")
def revise_record(request, record_id: int):
    user, record, refusal = _acting(request, record_id, 1)
    if refusal is not None:
        return refusal
    try:
        data = payload(request)
        if data.get("kind", record.kind) != record.kind:
            raise services.Invalid({"kind": "更正时不能改变记录类型。"})
        saved = services.revise(record, user, data.get("title", ""), data.get("occurred_on", ""),
                                data.get("content", {}), submit=data.get("submit", True),
                                obligations=obligation_ids(record.village, data),
                                citations=data.get("citations", []), files=request.FILES.getlist("files"))
    except services.Invalid as exc:
        return _refused(exc)
    return Status(201, detail(saved))


@router.post("/records/{record_id}/review/", response={200: RecordDetailOut, 403: Message, 404: Message,
                                                       409: Message, 422: Message},
             summary="审核履职记录（通过或退回）")
def review_record(request, record_id: int):
    user, record, refusal = _acting(request, record_id, 2)
    if refusal is not None:
        return refusal
    try:
        data = payload(request)
        for key in ("result", "comment"):
            if key in data and not isinstance(data[key], str):
                raise services.Invalid({key: f"字段“{key}”的类型不正确。"})
        reviewed = services.review(record, user, data.get("result", ""), data.get("comment", ""))
    except services.Invalid as exc:
        return _refused(exc)
    return Status(200, detail(reviewed))
