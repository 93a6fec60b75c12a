"""History is never cut, and a refused delete is a message, never an HTTP 500.

Wagtail's delete views call these from ``wagtail_hooks``: a page, snippet or user that records,
duties or citations point at (PROTECT) is not deleted; the user gets a Chinese message naming what
depends on it. A user who appears in the audit trail is deactivated instead of deleted. Live
regulations and village rules are deleted only by county staff."""

from django.contrib import messages
from django.db import router
from django.db.models import ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from django.shortcuts import redirect

from policies.models import RegulationPage, VillageRulePage
from villages import access as village_access


def blockers(objects):
    """``[(verbose name, count)]`` of the rows that forbid deleting ``objects`` (empty: may go)."""
    objects = list(objects)
    if not objects:
        return []
    collector = Collector(using=router.db_for_write(type(objects[0])))
    try:
        collector.collect(objects)
    except (ProtectedError, RestrictedError) as exc:
        found = exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        counts = {}
        for obj in found:
            name = str(obj._meta.verbose_name)
            counts[name] = counts.get(name, 0) + 1
        return sorted(counts.items())
    return []


def describe(found):
    return "、".join(f"{count} 条{name}" for name, count in found)


def page_refusal(user, page):
    """The Chinese reason ``page`` may not be deleted by ``user``, or None."""
    specific = page.specific
    if isinstance(specific, (RegulationPage, VillageRulePage)) and specific.live \
            and not village_access.is_county_staff(user):
        return f"“{page.title}”已发布，只有县级管理员可以删除；如需停用，请先撤销发布或联系县委组织部。"
    found = blockers(p.specific for p in page.get_descendants(inclusive=True))
    if found:
        return f"不能删除“{page.title}”：{describe(found)}引用了它或它的下级页面（历史记录不可截断）。"
    return None


def before_delete_page(request, page):
    reason = page_refusal(request.user, page)
    if reason is None:
        return None
    messages.error(request, reason)
    return redirect("wagtailadmin_explore", (page.get_parent() or page).pk)


def before_delete_snippet(request, instances):
    found = blockers(instances)
    if not found:
        return None
    names = "、".join(f"“{obj}”" for obj in list(instances)[:3])
    messages.error(request, f"不能删除{names}：{describe(found)}引用了它（历史记录不可截断）。")
    return redirect(request.META.get("HTTP_REFERER") or "wagtailadmin_home")


def audit_references(user):
    """How often ``user`` appears in the compliance audit trail, ``[(verbose name, count)]``."""
    from .models import Attachment, Obligation, Record, Review, SupervisionAction

    counts = [(Record, Record.objects.filter(created_by=user).count()),
              (Obligation, Obligation.objects.filter(na_by=user).count()),
              (Review, Review.objects.filter(reviewer=user).count()),
              (SupervisionAction, SupervisionAction.objects.filter(issued_by=user).count()),
              (Attachment, Attachment.objects.filter(uploaded_by=user).count())]
    return [(str(model._meta.verbose_name), n) for model, n in counts if n]


def before_delete_user(request, user):
    """A user named in records or reviews is deactivated, not deleted: the trail keeps its names.
    The confirmation page (GET) is shown as usual; the POST deactivates."""
    if request.method != "POST":
        return None
    found = audit_references(user)
    if not found:
        return None
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
    messages.warning(request, f"用户“{user.get_username()}”出现在{describe(found)}中，未删除，已停用（不能再登录）。")
    return redirect("wagtailusers_users:index")
