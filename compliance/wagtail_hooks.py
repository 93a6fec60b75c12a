"""Compliance sections on the village, township and home pages (villages never imports us)."""

from django.urls import reverse
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from villages import access as village_access

from . import audit, history_guard, queries, worklist


@hooks.register("village_page_sections")
def village_section(request, page):
    # One query answers all three permission questions (same rules as access.can_*).
    full, can_write, can_review = village_access.village_rights(request.user, page)
    context = queries.village_overview(page, request.user, full_access=full)
    context.update(can_write=can_write, can_review=can_review)
    worklist.arrange(context, can_write)
    # "lead": the village page shows this section before the village profile (issue 16).
    return {"title": "履职情况", "lead": True,
            "template": "compliance/village_section.html", "context": context}


@hooks.register("township_page_sections")
def township_section(request, page):
    if not village_access.supervised_townships(request.user).filter(pk=page.pk).exists():
        return None
    return {"title": "督导看板", "template": "compliance/township_section.html",
            "context": {"township": page}}


@hooks.register("home_page_sections")
def home_section(request, page):
    if not request.user.is_authenticated:
        return None
    links = []
    if village_access.is_county_staff(request.user):
        links.append(("全县督导看板", reverse("compliance:county")))
    for township in village_access.supervised_townships(request.user)[:30] if not links else []:
        links.append((f"{township.title}督导看板", reverse("compliance:township", args=[township.code])))
    for village in village_access.visible_villages(request.user)[:5] if not links else []:
        links.append((f"{village.title}履职记录", reverse("compliance:village", args=[village.code])))
    if not links:
        return None
    return {"title": "履职督导", "template": "compliance/home_section.html",
            "context": {"links": links, "formula": mark_safe(queries.SCORE_FORMULA)}}


class _ComplianceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("compliance.view_record")


@hooks.register("register_admin_menu_item")
def compliance_menu_item():
    return _ComplianceMenuItem("履职记录与督导", reverse("compliance:my"), icon_name="list-ul", order=250)


# History is never cut (see ``history_guard``): refused deletes are messages, never a 500.
hooks.register("before_delete_page", history_guard.before_delete_page)
hooks.register("before_delete_snippet", history_guard.before_delete_snippet)
hooks.register("before_delete_user", history_guard.before_delete_user)


@hooks.register("register_log_actions")
def compliance_log_actions(actions):
    audit.register(actions)
