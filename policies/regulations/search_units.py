"""What search indexes from regulations: the page, and every article of every issued version."""

from django.db.models import prefetch_related_objects

from core import clock
from search.registry import register
from search.units import SearchUnit

from ..versioning import status as status_rules
from ..versioning.indexing import PageProvider, dated_versions, page_url, safe, version_url
from .models import RegulationPage, RegulationRelation


def repeal_dates(pages):
    """``{pk: page.effective_repeal_date()}`` for many pages in two queries: the own repeal date, or
    the first day of a live regulation that repeals the page, whichever is earlier."""
    starts = {}
    relations = (RegulationRelation.objects.filter(target__in=pages, kind=RegulationRelation.REPEALS,
                                                   page__live=True)
                 .select_related("page").prefetch_related("page__versions"))
    for rel in relations:
        days = [v.effective_from for v in rel.page.versions.all()]
        if days:
            starts.setdefault(rel.target_id, []).append(min(days))
    out = {}
    for page in pages:
        dates = ([page.repealed_on] if page.repealed_on else []) + starts.get(page.pk, [])
        out[page.pk] = min(dates) if dates else None
    return out


class RegulationProvider(PageProvider):
    name = "reg"

    model = RegulationPage

    def units_for(self, page):
        if not page.live:
            return []
        return self._units(page, page.effective_repeal_date())

    def units_for_many(self, pages):
        # Categories, versions and repeal dates of the whole batch at once, not per page.
        pages = [page for page in pages if page.live]
        prefetch_related_objects(pages, "category", "versions")
        repealed = repeal_dates(pages)
        for page in pages:
            yield from self._units(page, repealed[page.pk])

    def _units(self, page, repealed):
        today = clock.today()
        category = page.category.name if page.category_id else ""
        issuer = page.issuer or ""
        # The versions and the repeal date once (page.status(), version.window() and version.status()
        # would each fetch both again, the repeal date being two queries and more per call).
        versions = dated_versions(page)
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
