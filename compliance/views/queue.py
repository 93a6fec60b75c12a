"""A township's 待审核 queue: every current submission of its villages, oldest first, with counts,
filters (village, record type, month) and pages, instead of searching village by village."""

import datetime

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render

from .. import kinds as k
from ..models import Record
from .common import township_or_404
from .dashboards import _township_villages

PAGE_SIZE = 50


def _month(value):
    try:
        day = datetime.datetime.strptime(value, "%Y-%m").date()
    except (TypeError, ValueError):
        return None
    end = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return day, end


def review_queue(request, code):
    township = township_or_404(code)
    villages = _township_villages(request.user, township)  # 404/403 for those who do not supervise it
    pending = Record.objects.filter(village__in=villages, state=Record.SUBMITTED, is_current=True)
    by_village = list(pending.order_by().values("village__code", "village__title").annotate(n=Count("id"))
                      .order_by("village__code"))
    errors = []
    chosen = {"village": request.GET.get("village", ""), "kind": request.GET.get("kind", ""),
              "period": request.GET.get("period", "")}
    shown = pending
    if chosen["village"]:
        shown = shown.filter(village__code=chosen["village"])
    if chosen["kind"]:
        if chosen["kind"] in k.KIND_LABELS:
            shown = shown.filter(kind=chosen["kind"])
        else:
            errors.append("未知的记录类型，已忽略该条件。")
    if chosen["period"]:
        month = _month(chosen["period"])
        if month:
            shown = shown.filter(occurred_on__gte=month[0], occurred_on__lt=month[1])
        else:
            errors.append("月份应形如 2026-11，已忽略该条件。")
    shown = shown.select_related("village").order_by("submitted_at", "id")
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    query = "&".join(f"{key}={value}" for key, value in chosen.items() if value)
    return render(request, "compliance/review_queue.html", {
        "township": township, "page": page, "by_village": by_village, "total": sum(v["n"] for v in by_village),
        "kinds": k.KIND_CHOICES, "chosen": chosen, "errors": errors, "query": query})
