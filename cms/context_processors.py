from django.urls import reverse

from .county import LIBRARIES

# The header's links to the three libraries, from the same table that setup_county creates them
# with (the libraries are children of the county home page, which is the site root).
_SHORT = {"RegulationIndexPage": "制度", "TaskListIndexPage": "清单", "VillageRuleIndexPage": "村规民约"}


def libraries(request):
    return {"library_links": [(_SHORT[model], reverse("wagtail_serve", args=[f"{slug}/"]))
                              for model, _title, slug, _intro in LIBRARIES]}
