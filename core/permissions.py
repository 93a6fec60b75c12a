"""Who may do what, for every app: Django permissions (granted to roles by ``core.roles``) plus
Wagtail page rights, never group names — renaming a group changes nothing. Village-scoped rights
(which villages a user acts for) live in ``villages.access``, which combines these with assignments."""

from wagtail.models import GroupPagePermission

from .roles import COUNTY_ROLES

COUNTY_PATH_LENGTH = 8  # page rights on the home page (depth 2) or the root reach the whole site


def role_names(user):
    """The names of the user's groups (for display only; access never depends on them)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_rulebook_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._rulebook_roles = cached
    return cached


def is_county_staff(user):
    """Superusers and whoever holds page rights over the whole site (the county organization
    department's editors and publishers): they see every village."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_rulebook_county", None)
    if cached is None:
        cached = GroupPagePermission.objects.filter(
            group__user=user, page__depth__lte=COUNTY_PATH_LENGTH // 4).exists()
        user._rulebook_county = cached
    return cached


def has_perm(user, perm):
    """``user.has_perm`` for active users (the permission cache is kept on the user object)."""
    return user.is_authenticated and user.is_active and user.has_perm(perm)


__all__ = ["COUNTY_ROLES", "has_perm", "is_county_staff", "role_names"]
