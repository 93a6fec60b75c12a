"""Who may see and act for which villages. Every view, API endpoint and download asks here."""

from django.db.models import Q

from core import clock
from core.permissions import is_county_staff, role_names

from .models import CadreAssignment, TownshipPage, VillagePage

# The role checks every app shares live in core; they are re-exported because callers ask here.
__all__ = ["can_review", "can_submit_for", "can_view_village", "is_county_staff", "role_names",
           "supervised_townships", "village_rights", "visible_villages"]

def active_assignments(prefix="", day=None):
    """Assignments in force on ``day`` (today): an assignment outside its dates grants nothing.
    ``prefix`` is the lookup path to the assignment (e.g. ``"assignments__"``) so the date test
    joins the same row as the other conditions in one ``filter()`` call."""
    day = day or clock.today()
    return ((Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day}))
            & (Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})))


def _in_force(valid_from, valid_to, day):
    return (valid_from is None or valid_from <= day) and (valid_to is None or valid_to >= day)


VIEW, SUBMIT, REVIEW = "compliance.view_record", "compliance.add_record", "compliance.review_record"


def supervised_townships(user):
    if is_county_staff(user):
        return TownshipPage.objects.all()
    if not _has(user, REVIEW):
        return TownshipPage.objects.none()
    return TownshipPage.objects.filter(Q(assignments__user=user) & active_assignments("assignments__"))


def visible_villages(user):
    """Villages whose non-public records the user may read."""
    if not user.is_authenticated or not _has(user, VIEW):
        return VillagePage.objects.none()
    if is_county_staff(user):
        return VillagePage.objects.all()
    # One lazy queryset (plus one query for the township paths), not a query per township.
    scope = Q(pk__in=[])
    for path in TownshipPage.objects.filter(Q(assignments__user=user) & active_assignments("assignments__")) \
            .values_list("path", flat=True):
        scope |= Q(path__startswith=path) & ~Q(path=path)
    scope |= Q(pk__in=CadreAssignment.objects.filter(
        active_assignments(), user=user, village__isnull=False).values("village_id"))
    return VillagePage.objects.filter(scope)


def can_view_village(user, village):
    return village_rights(user, village)[0]


def can_submit_for(user, village):
    return village_rights(user, village)[1]


def can_review(user, village):
    return village_rights(user, village)[2]


def village_rights(user, village):
    """``(can_view, can_submit, can_review)`` for one village: the permission (``compliance.*_record``,
    granted by a role) and the scope (the user's assignment to the village or its township; county
    staff everywhere). Permissions, page rights and assignments are read once per user object. The
    single checks above are read off it; ``visible_villages`` states the read rule for lists."""
    if not user.is_authenticated:
        return False, False, False
    if user.is_superuser:
        return True, True, True
    perms, county, scopes = _facts(user)
    assigned = any(v == village.pk for v, _t in scopes)
    township_paths = {t for _v, t in scopes if t}
    in_township = any(village.path.startswith(t) and len(village.path) > len(t) for t in township_paths)
    return (VIEW in perms and (county or in_township or assigned), SUBMIT in perms and assigned,
            REVIEW in perms and (county or in_township))


def _has(user, perm):
    return user.is_authenticated and (user.is_superuser or perm in _facts(user)[0])


def _facts(user):
    """The user's group permissions, whether their page rights reach the whole site, and their
    assignments — in one query, kept on the user object (the village page asks for every section)."""
    cached = getattr(user, "_rulebook_facts", None)
    if cached is None:
        from django.contrib.auth import get_user_model

        rows = list(get_user_model().objects.filter(pk=user.pk, is_active=True).values_list(
            "groups__permissions__content_type__app_label", "groups__permissions__codename",
            "groups__page_permissions__page__depth", "assignments__village_id", "assignments__township__path",
            "assignments__valid_from", "assignments__valid_to"))
        today = clock.today()
        perms = {f"{app}.{code}" for app, code, _d, _v, _t, _f, _u in rows if code}
        county = any(depth is not None and depth <= 2 for _a, _c, depth, _v, _t, _f, _u in rows)
        # An assignment outside its dates grants nothing.
        scopes = {(v, t) for _a, _c, _d, v, t, start, end in rows if (v or t) and _in_force(start, end, today)}
        user._rulebook_county = county
        cached = user._rulebook_facts = (perms, county, scopes)
    return cached
