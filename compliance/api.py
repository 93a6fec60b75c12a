"""/api/v1/villages/{code}/obligations/ and /api/v1/villages/{code}/records/ (submission).

Reads: public callers see only duties with a disclosure requirement and only records disclosed
online. Writes: authenticated by session (with CSRF) or HTTP Basic; the same rules as the form. The body
is JSON, or multipart with the JSON in a ``payload`` field and evidence files in ``files``."""

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from ninja import Router, Schema, Status

from core import clock
from core.api_auth import DENIED, api_user
from policies.versioning.schedule import parse_period
from villages import access as village_access
from villages.models import TownshipPage, VillagePage

from . import access, services
from . import status as st
from .api_common import Message, obligation_ids, payload
from .api_records import router as records_router
from .models import Obligation, Record

router = Router(tags=["履职记录"])
router.add_router("", records_router)  # one record: read, revise, review


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


class RecordOut(Schema):
    id: int
    url: str
    state: str
    revision: int
    flags: list[str]


def _village(code):
    return VillagePage.objects.live().filter(code=code).first()


def _in_period(p, full):
    """The duties of period ``p`` a caller is shown: all of them with full access to the village,
    otherwise only those with a disclosure requirement (the same rule for one village or many)."""
    shown = Q(opens__lte=p.end, due__gte=p.start)
    return shown if full else shown & Q(item__isnull=False) & ~Q(item__disclosure="")


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
    qs = Obligation.objects.filter(village=village).filter(_in_period(p, full)).order_by("due", "item_code")
    if not full:
        records_qs = access.public_records(records_qs)
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
        data = payload(request)
        ids = obligation_ids(village, data)
        record = services.save(village, user, data.get("kind", ""), data.get("title", ""),
                               data.get("occurred_on", ""), data.get("content", {}), submit=data.get("submit", True),
                               obligations=ids, citations=data.get("citations", []),
                               files=request.FILES.getlist("files"))
    except services.Invalid as exc:
        return Status(422, {"detail": "；".join(exc.errors.values()), "errors": exc.errors})
    return Status(201, {"id": record.pk, "url": request.build_absolute_uri(record.get_absolute_url()),
                 "state": record.get_state_display(), "revision": record.revision, "flags": record.flags})



class SummaryVillage(Schema):
    code: str
    title: str
    by_status: dict[str, int]


class SummaryOut(Schema):
    township: str
    period: str
    villages: list[SummaryVillage]
    by_status: dict[str, int]


@router.get("/townships/{code}/summary/", response={200: SummaryOut, 404: Message, 422: Message},
            summary="某乡镇某期间履职事项按状态汇总（各村之和）")
def township_summary(request, code: str, period: str = ""):
    """Counts by status, per village and in total. Each village's counts are exactly what
    ``/villages/{code}/obligations/?period=`` lists for the same caller (same period rule, same
    visibility, the same status function — in SQL, ``models.status_case``)."""
    township = TownshipPage.objects.live().filter(code=code).first()
    if township is None:
        return Status(404, {"detail": "未找到该乡镇"})
    today = clock.today()
    try:
        p = parse_period(period or f"{today:%Y-%m}")
    except ValueError as exc:
        return Status(422, {"detail": str(exc)})
    villages = list(VillagePage.objects.live().descendant_of(township).order_by("code").only("id", "code", "title"))
    ids = [v.pk for v in villages]
    full = set(village_access.visible_villages(request.user).filter(pk__in=ids).values_list("pk", flat=True))
    shown = (Q(village_id__in=full) & _in_period(p, True)) | (
        Q(village_id__in=[i for i in ids if i not in full]) & _in_period(p, False))
    counts = {v.pk: dict.fromkeys(st.ALL, 0) for v in villages}
    rows = (Obligation.objects.filter(shown).with_status(today).order_by()
            .values("village_id", "computed_status").annotate(n=Count("id")))
    for row in rows:
        counts[row["village_id"]][row["computed_status"]] = row["n"]
    total = {name: sum(c[name] for c in counts.values()) for name in st.ALL}
    return Status(200, {"township": township.code, "period": p.key, "by_status": total, "villages": [
        {"code": v.code, "title": v.title, "by_status": counts[v.pk]} for v in villages]})
