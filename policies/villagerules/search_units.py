"""What search indexes from village rules: every article of every dated version, with its village."""

from core import clock
from search.registry import register
from search.units import SearchUnit

from ..versioning import status as status_rules
from ..versioning.indexing import PageProvider, dated_versions, safe, version_url
from .models import VillageRulePage


class VillageRuleProvider(PageProvider):
    name = "vrule"

    model = VillageRulePage

    def units_for(self, page):
        if not page.live:
            return []
        today = clock.today()
        village = township = issuer = ""
        place = page.village  # None for the county template
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
