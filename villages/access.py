"""Who may see and act for which villages. Every view, API endpoint and download asks here."""

from django.db.models import Q

from core import clock
from core.permissions import is_county_staff, role_names
from core.roles import COUNTY_ROLES, FIRST_SECRETARY, SUPERVISOR, VILLAGE_CADRE

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



def supervised_townships(user):
    if is_county_staff(user):
        return TownshipPage.objects.all()
    if SUPERVISOR not in role_names(user):
        return TownshipPage.objects.none()
    return TownshipPage.objects.filter(Q(assignments__user=user) & active_assignments("assignments__"))


def visible_villages(user):
    """Villages whose non-public records the user may read."""
    if not user.is_authenticated:
        return VillagePage.objects.none()
    if is_county_staff(user):
        return VillagePage.objects.all()
    # One lazy queryset (plus one query for the supervisor's township paths), not a query per township.
    scope = Q(pk__in=[])
    if SUPERVISOR in role_names(user):
        for path in supervised_townships(user).values_list("path", flat=True):
            scope |= Q(path__startswith=path) & ~Q(path=path)
    if role_names(user) & {VILLAGE_CADRE, FIRST_SECRETARY}:
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
    """``(can_view, can_submit, can_review)`` for one village, in at most one query (the user's
    roles and scopes together). The single checks above are read off it, so the rules live once;
    ``visible_villages`` states the same read rule as a queryset for lists."""
    from django.contrib.auth import get_user_model

    if not user.is_authenticated:
        return False, False, False
    if user.is_superuser:
        return True, True, True
    today = clock.today()
    rows = [(name, v, t) if _in_force(start, end, today) else (name, None, None)
            for name, v, t, start, end in get_user_model().objects.filter(pk=user.pk).values_list(
                "groups__name", "assignments__village_id", "assignments__township__path",
                "assignments__valid_from", "assignments__valid_to")]
    if getattr(user, "_rulebook_roles", None) is None:
        user._rulebook_roles = {name for name, _v, _t in rows if name}
    roles = role_names(user)
    county = bool(roles & COUNTY_ROLES)
    cadre = bool(roles & {VILLAGE_CADRE, FIRST_SECRETARY}) and any(v == village.pk for _n, v, _t in rows)
    township_paths = {t for _n, _v, t in rows if t} if SUPERVISOR in roles else set()
    supervises = any(village.path.startswith(t) and len(village.path) > len(t) for t in township_paths)
    parent_path = village.path[:-village.steplen]
    return (county or supervises or cadre, cadre,
            county or parent_path in township_paths)
