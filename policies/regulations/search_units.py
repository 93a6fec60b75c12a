"""What search indexes from regulations: the page, and every article of every issued version."""

from core import clock
from search.registry import register
from search.units import SearchUnit

from ..versioning import status as status_rules
from ..versioning.indexing import PageProvider, dated_versions, page_url, safe, version_url
from .models import RegulationPage


class RegulationProvider(PageProvider):
    name = "reg"

    model = RegulationPage

    def units_for(self, page):
        if not page.live:
            return []
        today = clock.today()
        category = page.category.name if page.category_id else ""
        issuer = page.issuer or ""
        # The versions and the repeal date once (page.status(), version.window() and version.status()
        # would each fetch both again, the repeal date being two queries and more per call).
        versions = dated_versions(page)
        repealed = page.effective_repeal_date()
        current = status_rules.version_in_force(versions, today, repealed)
        doc_sort = f"reg:{page.path}"
        units = []
        summary = " ".join(filter(None, [page.doc_number, page.summary]))
        units.append(SearchUnit(
            id=f"reg:{page.pk}", source=f"reg:{page.pk}", type="page", title=page.title, text=summary,
            url=page_url(page), status=status_rules.document_status(versions, today, repealed),
            category=category, issuer=issuer, doc_sort=doc_sort, unit_sort=0))
        for version, window in status_rules.windows(versions, repealed):
            status = status_rules.version_status(version, versions, today, repealed)
            for article in safe(version.articles, []) or []:
                units.append(SearchUnit(
                    id=f"reg:{page.pk}:v{version.pk}:{article.anchor}", source=f"reg:{page.pk}", type="article",
                    title=page.title, label=article.label, text=article.text,
                    url=version_url(page, version, current, article.anchor), version=version.label,
                    valid_from=window.start, valid_to=window.end, status=status, category=category,
                    issuer=issuer, doc_sort=doc_sort, unit_sort=article.number))
        return units


register(RegulationProvider())
