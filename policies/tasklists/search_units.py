"""What search indexes from task lists: every item of every version."""

from django.db.models import prefetch_related_objects

from core import clock
from search.registry import register
from search.units import SearchUnit

from ..versioning import status as status_rules
from ..versioning.indexing import PageProvider, dated_versions, page_url
from .models import TaskItem, TaskListPage
from .taskitems import HIDDEN_ORDER


def item_url(page, version, current, code):
    """The item's page; for another version than the current one, as of that version's first day."""
    base = page_url(page) + page.reverse_subpage("item_view", args=[code])
    if current is not None and version.pk != current.pk and version.effective_from:
        base += f"?on={version.effective_from.isoformat()}"
    return base


class TaskListProvider(PageProvider):
    name = "task"

    model = TaskListPage

    def units_for(self, page):
        if not page.live:
            return []
        # item_rows: the rows readers see (not those kept only for old records).
        return self._units(page, lambda version: page.item_rows(version).order_by("sort_order", "pk"))

    def units_for_many(self, pages):
        # The versions and the visible rows (the same as ``item_rows``) of the whole batch at once.
        pages = [page for page in pages if page.live]
        prefetch_related_objects(pages, "versions")
        versions = [version for page in pages for version in page.versions.all()]
        rows = {}
        for item in (TaskItem.objects.filter(version__in=versions, sort_order__lt=HIDDEN_ORDER)
                     .order_by("sort_order", "pk")):
            rows.setdefault(item.version_id, []).append(item)
        for page in pages:
            yield from self._units(page, lambda version: rows.get(version.pk, []))

    def _units(self, page, items_of):
        today = clock.today()
        issuer = page.issuer or ""
        versions = dated_versions(page)
        current = status_rules.version_in_force(versions, today)
        units = []
        for version, window in status_rules.windows(versions):
            status = status_rules.version_status(version, versions, today)
            for index, item in enumerate(items_of(version), 1):
                units.append(SearchUnit(
                    id=f"task:{page.pk}:v{version.pk}:{item.code}", source=f"task:{page.pk}", type="taskitem",
                    title=page.title, label=item.code, text=_item_text(item),
                    url=item_url(page, version, current, item.code), version=version.label,
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


register(TaskListProvider())
