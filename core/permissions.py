"""Who holds which role, for every app: the county-wide rules that need no village.
Village-scoped rights (which villages a cadre or supervisor may act for) live in ``villages.access``."""

from .roles import COUNTY_ROLES


def role_names(user):
    """The names of the user's groups, read once per user object."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_rulebook_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._rulebook_roles = cached
    return cached


def is_county_staff(user):
    """Superusers and the county organization department (editors, publishers) see everything."""
    return user.is_authenticated and (user.is_superuser or bool(role_names(user) & COUNTY_ROLES))
