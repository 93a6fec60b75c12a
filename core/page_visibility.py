"""Which page titles a user of the admin may see. County editors see the whole tree; a township or
village role sees published pages as published (no draft title, no page never published) and the
pages it may edit itself. Used by the page chooser and the bulk-action confirmations, which
otherwise list any page by its draft title (issue 12: 12 title leaks)."""

from django.db.models import Q
from wagtail.models import GroupPagePermission

COUNTY_DEPTH_PATH = 8  # a permission on the home page (depth 2) or the root covers the whole site


def editable_paths(user):
    """Paths of the pages where the user's groups grant editing; None when the whole site."""
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return None
    paths = set(GroupPagePermission.objects.filter(
        group__user=user, permission__codename__in=["add_page", "change_page"]).values_list("page__path", flat=True))
    if any(len(path) <= COUNTY_DEPTH_PATH for path in paths):
        return None
    return sorted(paths)


def title_filter(user):
    """A Q on pages the user may see by title, or None when every page."""
    paths = editable_paths(user)
    if paths is None:
        return None
    shown = Q(live=True, has_unpublished_changes=False)
    for path in paths:
        shown |= Q(path__startswith=path)
    return shown


def may_see_title(page, user):
    paths = editable_paths(user)
    if paths is None:
        return True
    return (page.live and not page.has_unpublished_changes) or any(page.path.startswith(p) for p in paths)
