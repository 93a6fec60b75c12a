"""What search learns from villages: township and village pages as units (type "page", so that a
village's name, secretary and councils are found), which villages' non-public units a user may see,
and the names of place codes. Autodiscovered by SearchConfig.ready; search imports nothing here."""

from wagtail.models import GroupPagePermission

from search.registry import (
    EVERYTHING,
    Provider,
    register,
    register_draft_scope,
    register_place_names,
    register_scope,
)
from search.units import SearchUnit, village_visibility

from . import access
from .models import TownshipPage, VillagePage, attach_townships


class VillagePageProvider(Provider):
    name = "village"
    model = VillagePage

    def all_objects(self):
        # Already the specific class: ``.specific()`` would only add a query per batch.
        return self.model.objects.live()

    def units_for(self, page):
        if not page.live:
            return []
        parent = page.township  # one query; get_parent().specific took two
        township = getattr(parent, "code", "") or ""
        text = " ".join(filter(None, [page.kind, page.secretary, page.first_secretary, page.councils,
                                      parent.title if parent else ""]))
        return [SearchUnit(id=f"village:{page.pk}", source=f"village:{page.pk}", type="page", title=page.title,
                           text=text, url=page.get_url() or page.url_path, township=township, village=page.code,
                           doc_sort=f"village:{page.code}")]

    def units_for_many(self, pages):
        attach_townships(pages)
        for page in pages:
            yield from self.units_for(page)


def village_scope(user):
    """Units marked ``village:<code>`` (e.g. undisclosed records) follow the village read rule."""
    if access.is_county_staff(user):
        return EVERYTHING
    return [village_visibility(code) for code in access.visible_villages(user).values_list("code", flat=True)]


def draft_scope(user):
    """Whose text not yet in force a user may find: the editors of its page (the pages' rule,
    ``versioning.reading.can_edit``). Edit rights at county level (outside every township) reach
    every document; a township group's rights reach the units of that township or village."""
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return EVERYTHING
    paths = set(GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page").values_list("page__path", flat=True))
    if not paths:
        return []
    places = [*TownshipPage.objects.values_list("path", "code"), *VillagePage.objects.values_list("path", "code")]
    codes = []
    for path in paths:
        containing = [(p, code) for p, code in places if path.startswith(p)]
        if not containing:
            return EVERYTHING
        codes.append(max(containing, key=lambda row: len(row[0]))[1])  # the nearest place only
    return codes


def place_names(codes):
    names = dict(TownshipPage.objects.filter(code__in=codes).values_list("code", "title"))
    names.update(VillagePage.objects.filter(code__in=codes).values_list("code", "title"))
    return names


register(VillagePageProvider())
register_scope(village_scope)
register_draft_scope(draft_scope)
register_place_names(place_names)
