"""Township supervision: 谈话提醒 / 书面警示 / 责令整改 (with closure), 不适用 with reason,
目标任务清单, and county-level 提级监督."""


from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core import clock
from villages import access as village_access

from .. import audit, services
from ..kinds import parse_date
from ..models import ElevatedSupervision, Obligation, SupervisionAction, TargetTask
from .common import require_read, require_review, village_or_404


def _date(value, label, errors, required=False):
    if not value:
        if required:
            errors[label] = f"请填写“{label}”。"
        return None
    try:
        return parse_date(value)
    except ValueError:
        errors[label] = f"“{label}”应为日期，格式如 2026-11-05。"
        return None


def village_supervision(request, code):
    village = village_or_404(code)
    full, _can_write, can_review = village_access.village_rights(request.user, village)  # one query
    if not full:
        raise Http404("未找到")
    errors = {}
    if request.method == "POST":
        if not can_review:
            raise PermissionDenied("只有乡镇督导或县级用户可以采取督导措施。")
        kind, reason = request.POST.get("kind"), (request.POST.get("reason") or "").strip()
        if kind not in dict(SupervisionAction.KIND_CHOICES):
            errors["方式"] = "请选择督导方式：谈话提醒、书面警示或责令整改。"
        if not reason:
            errors["事由"] = "请填写事由。"
        rectify_by = _date(request.POST.get("rectify_by"), "整改期限", errors, required=kind == SupervisionAction.RECTIFY)
        if rectify_by and rectify_by < clock.today():
            errors["整改期限"] = "整改期限不能早于今天。"
        obligation = None
        if request.POST.get("obligation"):
            obligation = Obligation.objects.filter(village=village, pk=request.POST["obligation"]).first() \
                if request.POST["obligation"].isdigit() else None
            if obligation is None:
                errors["事项"] = "所选事项不属于本村。"
        if not errors:
            try:
                services.open_action(village, request.user, kind, reason, rectify_by, obligation)
            except services.Invalid as exc:
                errors.update(exc.errors)
            else:
                messages.success(request, "督导措施已登记。")
                return redirect("compliance:supervision", code=code)
    today = clock.today()
    overdue_qs = Obligation.objects.filter(village=village).overdue(today)
    overdue = list(overdue_qs.order_by("due", "item_code")[:50])
    not_applicable = list(Obligation.objects.filter(village=village, not_applicable=True)
                          .select_related("na_by").order_by("-na_at", "-due")[:50])
    logged = audit.histories(not_applicable)
    for ob in not_applicable:
        ob.log = logged.get(ob.pk, [])
    return render(request, "compliance/supervision.html", {
        "not_applicable": not_applicable,
        "village": village, "actions": SupervisionAction.objects.filter(village=village),
        "overdue": overdue, "overdue_total": overdue_qs.count() if len(overdue) == 50 else len(overdue),
        "can_review": can_review, "errors": errors, "kinds": SupervisionAction.KIND_CHOICES,
        "elevated": ElevatedSupervision.objects.filter(village=village, until__isnull=True).first(),
        "is_county": village_access.is_county_staff(request.user), "post": request.POST})


@require_POST
def close_action(request, pk):
    action = get_object_or_404(SupervisionAction.objects.select_related("village"), pk=pk)
    require_review(request.user, action.village)
    errors = {}
    closed = _date(request.POST.get("closed_on"), "整改完成日期", errors, required=True)
    note = (request.POST.get("closure_note") or "").strip()
    if not note:
        errors["整改情况"] = "请填写整改情况。"
    if not errors:
        try:
            services.close_action(action, request.user, closed, note)
        except services.Invalid as exc:
            errors.update(exc.errors)
        else:
            messages.success(request, "整改已销号。")
    for message in errors.values():
        messages.error(request, message)
    return redirect("compliance:supervision", code=action.village.code)


@require_POST
def elevate(request, code):
    village = village_or_404(code)
    if not village_access.is_county_staff(request.user):
        require_read(request.user, village)
        raise PermissionDenied("提级监督由县级决定。")
    reason = (request.POST.get("reason") or "").strip()
    if not reason:
        messages.error(request, "请填写提级监督的理由。")
    else:
        try:
            services.elevate(village, request.user, reason)
        except services.Invalid as exc:
            for message in exc.errors.values():
                messages.error(request, message)
        else:
            messages.success(request, "已列入提级监督。")
    return redirect("compliance:supervision", code=code)


@require_POST
def end_elevation(request, code):
    village = village_or_404(code)
    if not village_access.is_county_staff(request.user):
        require_read(request.user, village)
        raise PermissionDenied("提级监督由县级决定。")
    try:
        services.end_elevation(village, request.user)
    except services.Invalid as exc:
        for message in exc.errors.values():
            messages.error(request, message)
    else:
        messages.success(request, "已结束提级监督。")
    return redirect("compliance:supervision", code=code)


@require_POST
def obligation_na(request, pk):
    obligation = get_object_or_404(Obligation.objects.select_related("village"), pk=pk)
    require_review(request.user, obligation.village)
    try:
        if request.POST.get("withdraw"):
            services.withdraw_not_applicable(obligation, request.user, request.POST.get("na_reason"))
        else:
            services.mark_not_applicable(obligation, request.user, request.POST.get("na_reason"))
    except services.Invalid as exc:
        for message in exc.errors.values():
            messages.error(request, message)
    else:
        messages.success(request, "已撤回“不适用”。" if request.POST.get("withdraw") else "已标记为不适用。")
    return redirect("compliance:supervision", code=obligation.village.code)


def targets(request, code):
    """目标任务清单: public commitments with time nodes. The village (or its supervisor) adds and
    closes them; everyone may read them (they are public commitments)."""
    village = village_or_404(code)
    full, can_write, can_review = village_access.village_rights(request.user, village)  # one query
    can_edit = can_write or can_review
    errors = {}
    if request.method == "POST":
        if not can_edit:
            if not full:
                raise Http404("未找到")
            raise PermissionDenied("您不能修改该村的目标任务清单。")
        if request.POST.get("done"):
            target = get_object_or_404(TargetTask, pk=request.POST["done"], village=village) \
                if request.POST["done"].isdigit() else None
            if target is None:
                raise Http404("未找到")
            done_on = _date(request.POST.get("done_on") or clock.today().isoformat(), "完成日期", errors)
            if not errors:
                target.done_on = done_on
                target.save(update_fields=["done_on"])
                messages.success(request, "已标记完成。")
                return redirect("compliance:targets", code=code)
        else:
            title = (request.POST.get("title") or "").strip()
            if not title:
                errors["目标任务"] = "请填写目标任务。"
            elif len(title) > 160:
                errors["目标任务"] = "目标任务不能超过 160 字。"
            due = _date(request.POST.get("due"), "时间节点", errors, required=True)
            if not errors:
                TargetTask.objects.create(village=village, year=due.year, title=title, due=due,
                                          commitment=(request.POST.get("commitment") or "")[:2000])
                messages.success(request, "目标任务已添加。")
                return redirect("compliance:targets", code=code)
    today = clock.today()
    rows = list(TargetTask.objects.filter(village=village).order_by("-year", "due"))
    for t in rows:
        t.shown_status = t.status(today)
    return render(request, "compliance/targets.html", {"village": village, "targets": rows, "errors": errors,
                                                       "can_edit": can_edit, "post": request.POST})
