"""What search indexes from village rules: every article of every dated version, with its village."""

from django.db.models import prefetch_related_objects

from core import clock
from search.registry import register
from search.units import SearchUnit
from villages.models import VillagePage, attach_townships

from ..versioning import status as status_rules
from ..versioning.indexing import PageProvider, dated_versions, safe, version_url
from .models import VillageRulePage


class VillageRuleProvider(PageProvider):
    name = "vrule"

    model = VillageRulePage

    def units_for(self, page):
        if not page.live:
            return []
        return self._units(page, page.village)

    def units_for_many(self, pages):
        # The parents (villages, with their townships) and the versions of the whole batch at once:
        # ``page.village`` alone costs two queries per page and its township a third.
        pages = [page for page in pages if page.live]
        prefetch_related_objects(pages, "versions")
        step = VillageRulePage.steplen
        parents = {village.path: village for village in
                   VillagePage.objects.filter(path__in={page.path[:-step] for page in pages})}
        attach_townships(list(parents.values()))
        for page in pages:
            yield from self._units(page, parents.get(page.path[:-step]))

    def _units(self, page, place):
        """``place``: the page's village, None for the county template."""
        today = clock.today()
        village = township = issuer = ""
        if place is not None:
            village, issuer = place.code, place.title
            township = getattr(place.township, "code", "") or ""
        versions = dated_versions(page)
        current = status_rules.version_in_force(versions, today, page.repealed_on)
        units = []
        for version, window in status_rules.windows(versions, page.repealed_on):
            status = status_rules.version_status(version, versions, today, page.repealed_on)
            for article in safe(version.articles, []) or []:
                units.append(SearchUnit(
                    id=f"vrule:{page.pk}:v{version.pk}:{article.anchor}", source=f"vrule:{page.pk}",
                    type="villagerule", title=page.title, label=article.label, text=article.text,
                    url=version_url(page, version, current, article.anchor), version=version.label,
                    valid_from=window.start, valid_to=window.end, status=status, township=township,
                    village=village, issuer=issuer,
                    doc_sort=f"vrule:{page.path}", unit_sort=article.number))
        return units


register(VillageRuleProvider())
