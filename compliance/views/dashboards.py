"""Township and county dashboards, Excel export, iCal feed and the rule → villages view."""

import datetime
import io

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe

from core import clock
from core.spreadsheet import append_row
from policies.models import RegulationPage, TaskItem
from villages import access as village_access
from villages.models import VillagePage

from .. import queries
from ..models import Citation, Obligation
from .common import township_or_404, village_or_404


def _township_villages(user, township):
    if not village_access.supervised_townships(user).filter(pk=township.pk).exists():
        raise Http404("未找到") if not user.is_authenticated else PermissionDenied("无权查看该乡镇的督导看板。")
    return VillagePage.objects.live().descendant_of(township)


def _render_dashboard(request, data, **context):
    return render(request, "compliance/dashboard.html", {
        **data, "svg": mark_safe(queries.trend_svg(data["trend"])), **context})


def township_dashboard(request, code):
    township = township_or_404(code)
    data = queries.dashboard(_township_villages(request.user, township), by_item=request.GET.get("by") == "item")
    return _render_dashboard(request, data, scope_title=township.title, township=township,
                             export_url=reverse("compliance:township_export", args=[code]))


def _require_county(user):
    if not village_access.is_county_staff(user):
        raise Http404("未找到") if not user.is_authenticated else PermissionDenied("仅县级用户可查看全县看板。")


def county_dashboard(request):
    _require_county(request.user)
    data = queries.dashboard(VillagePage.objects.live(), by_township=True, by_item=request.GET.get("by") == "item")
    return _render_dashboard(request, data, scope_title="全县", export_url=reverse("compliance:county_export"))


def _workbook(data, title):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "完成情况"
    append_row(ws, [f"{title}履职完成情况（截至{data['today'].isoformat()}）"])
    append_row(ws, ["名称", "代码", *data["lists"]])
    for row in data["rows"]:
        append_row(ws, [row["label"], row["code"], *[
            (f"{c['rate']}%（{c['done']}/{c['total']}）" if c["rate"] is not None else "—") for c in row["cell_list"]]])
    for cell in ws[2]:
        cell.font = Font(bold=True)
    scores = wb.create_sheet("红旗村评分")
    append_row(scores, [queries.SCORE_FORMULA])
    append_row(scores, ["乡镇", "村", "代码", "得分", "应完成", "按时完成", "逾期后完成", "逾期未完成", "书面警示", "未结整改", "红旗村"])
    for s in data["scores"]:
        append_row(scores, [getattr(s["township"], "title", ""), s["village"].title, s["village"].code, s["score"], s["total"], s["on_time"], s["late"],
                       s["overdue"], s["warnings"], s["open_rectify"], "是" if s["red_flag"] else "否"])
    overdue = wb.create_sheet("逾期清单")
    append_row(overdue, ["乡镇", "村", "村代码", "事项编码", "事项", "期间", "期限", "状态"])
    for ob in data["overdue"]:
        append_row(overdue, [getattr(ob.township, "title", ""), ob.village.title, ob.village.code, ob.item_code,
                        ob.item_name, ob.period_key, ob.due, ob.shown_status])
    trend = wb.create_sheet("月度趋势")
    append_row(trend, ["月份", "应完成", "已完成", "完成率%"])
    for p in data["trend"]:
        append_row(trend, [p["month"].strftime("%Y-%m"), p["total"], p["done"], p["rate"]])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _xlsx(content, filename):
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f"attachment; filename={filename}"
    return response


def township_export(request, code):
    township = township_or_404(code)
    data = queries.dashboard(_township_villages(request.user, township), overdue_limit=None)
    return _xlsx(_workbook(data, township.title), f"compliance-{code}.xlsx")


def county_export(request):
    _require_county(request.user)
    data = queries.dashboard(VillagePage.objects.live(), by_township=True, overdue_limit=None)
    return _xlsx(_workbook(data, "习水县"), "compliance-520330.xlsx")


def _ics_escape(text):
    return str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line):
    """RFC 5545: lines longer than 75 octets are folded."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, current = [], ""
    for ch in line:
        if len((current + ch).encode()) > (75 if not parts else 74):
            parts.append(current)
            current = ""
        current += ch
    parts.append(current)
    return "\r\n ".join(parts)


def calendar_ics(request, code):
    """The village's duties as an iCalendar feed (the duties are public; statuses are not included)."""
    village = village_or_404(code)
    today = clock.today()
    obligations = Obligation.objects.filter(village=village, due__gte=today - datetime.timedelta(days=31),
                                            due__lte=today + datetime.timedelta(days=366)).order_by("due")
    stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
    host = request.get_host().split(":")[0]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//习水县村务规程库//履职日历//ZH", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_ics_escape(village.title)}履职日历"]
    for ob in obligations:
        lines += ["BEGIN:VEVENT", f"UID:obligation-{ob.pk}@{host}", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{ob.due:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{ob.due + datetime.timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{_ics_escape(f'{ob.item_code} {ob.item_name}（{ob.period_key}）到期')}",
                  f"URL:{request.build_absolute_uri(reverse('compliance:village', args=[code]))}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    body = "\r\n".join(_fold(line) for line in lines) + "\r\n"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f"inline; filename={code}.ics"
    return response


def _rule_villages(request, codes, citations_qs, heading):
    """Villages with records for the rule, and villages overdue on it (this year), visible ones only."""
    today = clock.today()
    visible = village_access.visible_villages(request.user)
    year_start = datetime.date(today.year, 1, 1)
    obs = Obligation.objects.filter(item_code__in=codes, due__gte=year_start, village__in=visible)
    with_records = {}
    for row in obs.filter(records__is_current=True).values("village_id", "village__title", "village__code") \
            .distinct():
        with_records[row["village_id"]] = row
    for row in citations_qs.filter(record__village__in=visible).values(
            "record__village_id", "record__village__title", "record__village__code").distinct():
        with_records.setdefault(row["record__village_id"], {"village__title": row["record__village__title"],
                                                            "village__code": row["record__village__code"]})
    overdue = list(obs.overdue(today).select_related("village").order_by("village__code", "due")[:200])
    return render(request, "compliance/rule_villages.html", {
        "heading": heading, "with_records": sorted(with_records.values(), key=lambda r: r["village__code"]),
        "overdue": overdue, "anonymous": not request.user.is_authenticated})


def item_villages(request, code):
    item = TaskItem.objects.filter(code=code).select_related("version__page").order_by("-version__effective_from") \
        .first()
    if item is None:
        raise Http404("未找到该事项")
    return _rule_villages(request, [code], Citation.objects.none(), f"{item.code} {item.name}")


def article_villages(request, regulation_id, anchor):
    page = get_object_or_404(RegulationPage.objects.live(), pk=regulation_id)
    label = None
    for version in page.versions.all():
        for article in version.articles():
            if article.anchor == anchor:
                label = article.label
    if label is None:
        raise Http404("未找到该条文")
    codes = [item.code for item in TaskItem.objects.all().only("code", "basis")
             if any(str(b.get("regulation")) == str(page.pk) and b.get("article") == label for b in item.basis or [])]
    return _rule_villages(request, sorted(set(codes)), Citation.objects.filter(regulation=page, anchor=anchor),
                          f"《{page.title}》{label}")


def my_entry(request):
    """The admin menu's entry point: each role lands on its own page."""
    from django.shortcuts import redirect

    if not request.user.is_authenticated:
        return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
    if village_access.is_county_staff(request.user):
        return redirect("compliance:county")
    township = village_access.supervised_townships(request.user).order_by("code").first()
    if township is not None:
        return redirect("compliance:township", code=township.code)
    village = village_access.visible_villages(request.user).order_by("code").first()
    if village is not None:
        return redirect("compliance:village", code=village.code)
    raise Http404("您没有可查看的村。")
