"""我的待办: what a signed-in user has to do now, gathered from every app through the ``todo_items``
Wagtail hook. A hook function takes ``(user, today)`` and returns a list of sections
``{"title": "…", "items": [{"key", "title", "url", "village", "due", "status"}], "more": n}``;
``key`` identifies the item for the once-a-day e-mail (once per item per day, whatever its status). Compliance adds four sections below (due
soon, overdue, returned, to review); a training app can add its own the same way."""

import datetime

from django.urls import reverse
from wagtail import hooks

from core import clock
from core.roles import FIRST_SECRETARY, VILLAGE_CADRE
from villages import access
from villages.models import VillagePage

from . import status as st
from .models import Obligation

DUE_SOON_DAYS = 7
LIMIT = 100  # per section; the rest is counted, the dashboards list them all


def submit_villages(user):
    """Villages the user submits for (村干部 / 第一书记 assignments), as a queryset."""
    if not access.role_names(user) & {VILLAGE_CADRE, FIRST_SECRETARY}:
        return VillagePage.objects.none()
    return VillagePage.objects.filter(assignments__user=user)


def review_villages(user):
    """Villages whose records the user reviews: all for county staff, a supervisor's townships'."""
    if access.is_county_staff(user):
        return VillagePage.objects.all()
    scope = VillagePage.objects.none()
    for township in access.supervised_townships(user):
        scope |= VillagePage.objects.child_of(township)
    return scope


def _item(ob, status):
    return {"key": f"obligation:{ob.pk}", "title": f"{ob.item_name}（{ob.period_label}）",
            "url": reverse("compliance:village", args=[ob.village.code]), "village": ob.village.title, "due": ob.due,
            "status": status, "badge": st.BADGE.get(status, "info")}


def _section(title, obligations, wanted, today):
    items = [_item(ob, ob.status(today)) for ob in obligations]
    items = [i for i in items if i["status"] == wanted]
    return {"title": title, "items": items[:LIMIT], "more": max(0, len(items) - LIMIT)}


def compliance_sections(user, today):
    base = Obligation.objects.select_related("village").filter(not_applicable=False).order_by("due", "pk")
    own = base.filter(village__in=submit_villages(user))
    sections = []
    if own.exists():
        soon = own.filter(submitted_at__isnull=True, opens__lte=today, due__gte=today,
                          due__lte=today + datetime.timedelta(days=DUE_SOON_DAYS))
        sections.append(_section(f"即将到期（{DUE_SOON_DAYS}天内）", soon, st.TO_SUBMIT, today))
        overdue = own.filter(submitted_at__isnull=True, due__lt=today).exclude(review=st.RETURNED_RESULT)
        sections.append(_section("已逾期", overdue, st.OVERDUE, today))
        sections.append(_section("被退回", own.filter(review=st.RETURNED_RESULT), st.RETURNED, today))
    reviewed = base.filter(village__in=review_villages(user), submitted_at__isnull=False, review="")
    if access.is_county_staff(user) or access.supervised_townships(user).exists():
        sections.append(_section("待我审核", reviewed, st.IN_REVIEW, today))
    return sections


@hooks.register("todo_items")
def _compliance_todo(user, today):
    return compliance_sections(user, today)


def sections_for(user, today=None):
    """Every app's sections for ``user``, in hook order."""
    today = today or clock.today()
    if not user.is_authenticated:
        return []
    sections = []
    for fn in hooks.get_hooks("todo_items"):
        sections += fn(user, today) or []
    return sections


def count(sections):
    return sum(len(s["items"]) + s.get("more", 0) for s in sections)
