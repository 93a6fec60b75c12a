"""The search app's own provider: township and village pages (type "page"), so that a village's
name, secretary and councils are found."""

from search.registry import Provider, register
from search.units import SearchUnit


class VillagePageProvider(Provider):
    name = "village"

    @property
    def model(self):
        from villages.models import VillagePage

        return VillagePage

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


register(VillagePageProvider())
