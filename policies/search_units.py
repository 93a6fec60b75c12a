"""What search indexes from policies: every article of every issued version of a live regulation,
every item of a task list version, every article of a village's rules. Statuses and windows come
from ``policies.status`` over one list of versions per page; a failed reindex is logged by
``search.registry`` and never breaks publishing."""

import logging

from core import clock
from policies import status as status_rules
from search.registry import Provider, register
from search.units import SearchUnit

logger = logging.getLogger(__name__)


def _page_url(page):
    try:
        return page.get_url() or page.url_path
    except Exception:
        return getattr(page, "url_path", "") or ""


def _version_url(page, version, current, anchor=""):
    """Current text: the page itself; another version: the page as of that version's first day
    where the page routes dates (regulations: ``<page>/YYYY-MM-DD/``)."""
    base = _page_url(page)
    if current is not None and version.pk != current.pk and hasattr(page, "reverse_subpage"):
        base = f"{base.rstrip('/')}/{version.effective_from.isoformat()}/"
    return f"{base}#{anchor}" if anchor else base


def _item_url(page, version, current, code):
    base = f"{_page_url(page).rstrip('/')}/{code}/"
    if current is not None and version.pk != current.pk and version.effective_from:
        base += f"?on={version.effective_from.isoformat()}"
    return base


def _safe(call, default=None):
    try:
        return call()
    except Exception:
        logger.debug("search: attribute failed", exc_info=True)
        return default


def _versions(page):
    versions = [v for v in page.versions.all() if getattr(v, "effective_from", None)]
    return sorted(versions, key=lambda v: v.effective_from)


class _PageProvider(Provider):
    def all_objects(self):
        # Already the specific class: ``.specific()`` would only add a query per batch.
        return self.model.objects.live()


class RegulationProvider(_PageProvider):
    name = "reg"

    @property
    def model(self):
        from policies.models import RegulationPage

        return RegulationPage

    def units_for(self, page):
        if not page.live:
            return []
        today = clock.today()
        category = page.category.name if page.category_id else ""
        issuer = page.issuer or ""
        # The versions and the repeal date once (page.status(), version.window() and version.status()
        # would each fetch both again, the repeal date being two queries and more per call).
        versions = _versions(page)
        repealed = page.effective_repeal_date()
        current = status_rules.version_in_force(versions, today, repealed)
        doc_sort = f"reg:{page.path}"
        units = []
        summary = " ".join(filter(None, [page.doc_number, page.summary]))
        units.append(SearchUnit(
            id=f"reg:{page.pk}", source=f"reg:{page.pk}", type="page", title=page.title, text=summary,
            url=_page_url(page), status=status_rules.document_status(versions, today, repealed),
            category=category, issuer=issuer, doc_sort=doc_sort, unit_sort=0))
        for version, window in status_rules.windows(versions, repealed):
            status = status_rules.version_status(version, versions, today, repealed)
            for article in _safe(version.articles, []) or []:
                units.append(SearchUnit(
                    id=f"reg:{page.pk}:v{version.pk}:{article.anchor}", source=f"reg:{page.pk}", type="article",
                    title=page.title, label=article.label, text=article.text,
                    url=_version_url(page, version, current, article.anchor), version=version.label,
                    valid_from=window.start, valid_to=window.end, status=status, category=category,
                    issuer=issuer, doc_sort=doc_sort, unit_sort=article.number))
        return units


class TaskListProvider(_PageProvider):
    name = "task"

    @property
    def model(self):
        from policies.models import TaskListPage

        return TaskListPage

    def units_for(self, page):
        if not page.live:
            return []
        today = clock.today()
        issuer = page.issuer or ""
        versions = _versions(page)
        current = status_rules.version_in_force(versions, today)
        units = []
        for version, window in status_rules.windows(versions):
            status = status_rules.version_status(version, versions, today)
            # item_rows: the rows readers see (not those kept only for old records).
            items = page.item_rows(version).order_by("sort_order", "pk")
            for index, item in enumerate(items, 1):
                units.append(SearchUnit(
                    id=f"task:{page.pk}:v{version.pk}:{item.code}", source=f"task:{page.pk}", type="taskitem",
                    title=page.title, label=item.code, text=_item_text(item),
                    url=_item_url(page, version, current, item.code), version=version.label,
                    valid_from=window.start, valid_to=window.end, status=status, category=item.category or "",
                    issuer=issuer, doc_sort=f"task:{page.path}", unit_sort=index))
        return units


def _item_text(item):
    parts = [item.name, item.responsible, getattr(item, "deadline_note", "")]
    for step in item.steps or []:
        if isinstance(step, dict):
            parts.extend(str(step.get(k) or "") for k in ("actor", "action", "record", "time_limit"))
        else:
            parts.append(str(step))
    parts.extend([item.evidence, item.disclosure, item.supervisor, item.risks])
    return "\n".join(p for p in parts if p)


class VillageRuleProvider(_PageProvider):
    name = "vrule"

    @property
    def model(self):
        from policies.models import VillageRulePage

        return VillageRulePage

    def units_for(self, page):
        if not page.live:
            return []
        today = clock.today()
        village = township = issuer = ""
        place = page.village  # None for the county template
        if place is not None:
            village, issuer = place.code, place.title
            township = getattr(place.township, "code", "") or ""
        versions = _versions(page)
        current = status_rules.version_in_force(versions, today, page.repealed_on)
        units = []
        for version, window in status_rules.windows(versions, page.repealed_on):
            status = status_rules.version_status(version, versions, today, page.repealed_on)
            for article in _safe(version.articles, []) or []:
                units.append(SearchUnit(
                    id=f"vrule:{page.pk}:v{version.pk}:{article.anchor}", source=f"vrule:{page.pk}",
                    type="villagerule", title=page.title, label=article.label, text=article.text,
                    url=_version_url(page, version, current, article.anchor), version=version.label,
                    valid_from=window.start, valid_to=window.end, status=status, township=township,
                    village=village, issuer=issuer,
                    doc_sort=f"vrule:{page.path}", unit_sort=article.number))
        return units


register(RegulationProvider())
register(TaskListProvider())
register(VillageRuleProvider())
