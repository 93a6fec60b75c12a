"""Submission (one screen per record type, server-side drafts), record pages, review, files."""

import datetime

from django.contrib import messages
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core import clock
from policies.models import RegulationPage
from villages import access as village_access

from .. import access, evidence, services
from .. import kinds as k
from ..duty_kinds import offer
from ..links import article_url
from ..models import Attachment, Obligation, Record
from .common import require_review, require_write, village_or_404


def record_list(request, code):
    village = village_or_404(code)
    full, can_write, _ = village_access.village_rights(request.user, village)
    qs = Record.objects.filter(village=village, is_current=True)
    qs = qs if full else access.public_records(qs)
    raw = request.GET.get("page", "1")
    # Bounded: a 30-digit page number is no page, not an SQL overflow.
    page = max(1, int(raw)) if raw.isdigit() and len(raw) <= 6 else 1
    records = list(qs.order_by("-occurred_on", "-id")[(page - 1) * 50: page * 50 + 1])
    return render(request, "compliance/record_list.html", {
        "village": village, "records": records[:50], "page_no": page, "has_next": len(records) > 50,
        "can_write": can_write})


def kind_choice(request, code):
    village = village_or_404(code)
    require_write(request.user, village)
    return render(request, "compliance/kind_choice.html", {"village": village, "kinds": k.KIND_CHOICES})


def _open_obligations(village, record=None):
    today = clock.today()
    qs = Obligation.objects.filter(village=village, opens__lte=today + datetime.timedelta(days=7),
                                   due__gte=today - datetime.timedelta(days=120), not_applicable=False)
    qs = qs.exclude(review="accepted")
    if record is not None and record.pk:
        qs = Obligation.objects.filter(Q(pk__in=qs.values("pk")) | Q(records=record)).distinct()
    return list(qs.select_related("item").order_by("due", "item_code")[:80])


def _citation_options(obligations):
    """Articles named as basis by the task items of the offered obligations, resolved to the
    version of each regulation in force today."""
    wanted = {}
    for ob in obligations:
        for basis in (ob.item.basis if ob.item_id and ob.item else []) or []:
            if basis.get("regulation") and basis.get("article"):
                wanted.setdefault(int(basis["regulation"]), set()).add(basis["article"])
    options = []
    for page in RegulationPage.objects.filter(pk__in=wanted).prefetch_related("versions"):
        version = page.current_version()
        if version is None:
            continue
        for article in version.articles():
            if article.label in wanted[page.pk]:
                options.append({"value": f"{version.pk}:{article.label}", "label": f"《{page.title}》{article.label}",
                                "url": article_url(page, version, article.anchor)})
    return options


def _fields(kind, values, errors):
    result = []
    for f in k.schema(kind):
        value = values.get(f.name, "")
        if not isinstance(value, str) and f.type in ("lines", "rows"):
            value = k.to_form_value(f, value)
        result.append({"f": f, "value": value, "error": errors.get(f.name), "id": f"id_{f.name}"})
    return result


def _groups(fields):
    """Fields by schema group; a group (a 四议两公开 step) folds unless it holds an error."""
    groups = []
    for x in fields:
        if not groups or groups[-1]["title"] != x["f"].group:
            groups.append({"title": x["f"].group, "fields": [], "open": False, "filled": 0})
        g = groups[-1]
        g["fields"].append(x)
        g["open"] = g["open"] or bool(x["error"])
        g["filled"] += x["value"] not in ("", None, False)
    return groups


def record_form(request, code=None, kind=None, pk=None):
    record = None
    if pk is not None:
        record = get_object_or_404(Record.objects.select_related("village"), pk=pk)
        village, kind = record.village, record.kind
        require_write(request.user, village)  # answers 404 too when the user may not even read
        if record.state not in (Record.DRAFT, Record.RETURNED) or not record.is_current:
            messages.info(request, "该记录已提交；如需更正请使用“更正”。")
            return redirect(record.get_absolute_url())
    else:
        village = village_or_404(code)
        require_write(request.user, village)
        if kind not in k.KIND_LABELS:
            raise Http404("未知的记录类型")
    obligations = _open_obligations(village, record)
    asked = request.GET.get("obligation", "")
    if record is None and asked.isdigit() and all(str(ob.pk) != asked for ob in obligations):
        # Opened from an older late period on the village page: offer it too.
        obligations += list(Obligation.objects.filter(village=village, pk=asked, not_applicable=False))
    errors = {}
    if request.method == "POST":
        submit = request.POST.get("action") == "submit"
        data = {f.name: request.POST.get(f.name, "") for f in k.schema(kind)}
        try:
            saved = services.save(
                village, request.user, kind, request.POST.get("title"), request.POST.get("occurred_on"), data,
                submit=submit, obligations=request.POST.getlist("obligations"),
                citations=request.POST.getlist("citations"), files=request.FILES.getlist("files"), record=record)
        except services.Invalid as exc:
            errors = dict(exc.errors)
            if request.FILES and "files" not in errors:
                # Browsers never refill a file input, so say so rather than drop the photo silently.
                errors["files"] = "本次未保存，所选附件也未上传：请改正后重新选择附件。"
            messages.error(request, "未保存：请按提示修改。")
        else:
            # The tag tells static/js/autosave.js that the copy kept in the browser may go.
            if submit:
                messages.success(request, "已提交，等待乡镇审核。", extra_tags="autosave-saved")
                return redirect(saved.get_absolute_url())
            messages.success(request, "草稿已保存。", extra_tags="autosave-saved")
            return redirect("compliance:edit", pk=saved.pk)
        values, title, occurred = request.POST, request.POST.get("title", ""), request.POST.get("occurred_on", "")
        chosen = set(request.POST.getlist("obligations"))
        cited = set(request.POST.getlist("citations"))
    elif record is not None:
        values, title, occurred = record.content, record.title, record.occurred_on.isoformat()
        chosen = {str(i) for i in record.obligations.values_list("pk", flat=True)}
        cited = {f"{c.version_id}:{c.article}" for c in record.citations.all()}
    else:
        values, title, occurred = {}, "", clock.today().isoformat()
        chosen = {request.GET.get("obligation", "")}
        cited = set()
    offered = offer(obligations, kind, chosen, clock.today())
    fields = _fields(kind, values, errors)
    return render(request, "compliance/record_form.html", {
        "village": village, "kind": kind, "kind_label": k.KIND_LABELS[kind], "record": record,
        "fields": fields, "groups": _groups(fields), "errors": errors, "title_value": title,
        "occurred_value": occurred, "offer": offered, "chosen": chosen,
        "from_obligation": asked if record is None else "",
        "citation_options": _citation_options(offered["chosen"] + offered["current"]), "cited": cited,
        "general_errors": {key: v for key, v in errors.items()
                           if key in ("obligations", "citations", "files", "state", "kind")}})


def record_detail(request, pk):
    record = get_object_or_404(Record.objects.select_related("village", "created_by"), pk=pk)
    # One query for all three rights instead of four separate permission checks.
    full, can_write, can_review = village_access.village_rights(request.user, record.village)
    if not (full or access.is_public(record)):
        raise Http404("未找到")
    fields = [(f, record.content.get(f.name)) for f in k.schema(record.kind) if record.content.get(f.name) not in
              (None, "", [])]
    return render(request, "compliance/record_detail.html", {
        "record": record, "village": record.village, "fields": fields, "full": full,
        "citations": [(c, c.url()) for c in record.citations.select_related("regulation", "version")],
        "attachments": list(record.attachments.all()) if full else [
            a for a in record.attachments.all() if a.is_image],
        "obligations": list(record.obligations.all()),
        "history": record.history if full else [], "reviews": list(record.reviews.select_related("reviewer")),
        "can_review": record.state == Record.SUBMITTED and record.is_current and can_review,
        "can_write": record.is_current and can_write})


@require_POST
def record_review(request, pk):
    record = get_object_or_404(Record.objects.select_related("village"), pk=pk)
    require_review(request.user, record.village)
    try:
        services.review(record, request.user, request.POST.get("result"), request.POST.get("comment"))
    except services.Invalid as exc:
        for message in exc.errors.values():
            messages.error(request, message)
    else:
        messages.success(request, "审核结果已保存。")
    return redirect(record.get_absolute_url())


@require_POST
def record_correct(request, pk):
    record = get_object_or_404(Record.objects.select_related("village"), pk=pk)
    require_write(request.user, record.village)
    try:
        copy = services.correct(record, request.user)
    except services.Invalid as exc:
        for message in exc.errors.values():
            messages.error(request, message)
        return redirect(record.get_absolute_url())
    messages.info(request, f"已建立第 {copy.revision} 版（草稿），原版本保留在历史中。")
    return redirect("compliance:edit", pk=copy.pk)


def attachment_file(request, pk, thumb=False):
    attachment = get_object_or_404(Attachment.objects.select_related("record__village"), pk=pk)
    record = attachment.record
    public_ok = access.is_public(record) and attachment.is_image
    if not (public_ok or village_access.can_view_village(request.user, record.village)):
        raise Http404("未找到")
    f = attachment.thumbnail if thumb and attachment.thumbnail else attachment.file
    if thumb and not attachment.thumbnail:
        raise Http404("无缩略图")
    content_type = {"jpg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}[
        "jpg" if thumb else attachment.file_type]
    if attachment.is_image and not thumb and not (
            request.GET.get("original") == "1" and village_access.can_view_village(request.user, record.village)):
        # Shown and published without EXIF (GPS); the original stays for those who may audit it.
        response = HttpResponse(evidence.display_bytes(attachment), content_type=content_type)
    else:
        response = FileResponse(f.open("rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline" if not thumb else "inline; filename=thumb.jpg"
    return response
