"""What search indexes from policies: every article of every issued version of a live regulation,
every item of a task list version, every article of a village's rules. Written defensively: the
models grow while this runs, and a provider must never break publishing."""

import logging

from django.utils import timezone

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
    (regulations route ``<page>/YYYY-MM-DD/``), or the page's own ``version_url`` when it has one."""
    base = _page_url(page)
    if version is not None and current is not None and version.pk != getattr(current, "pk", None):
        maker = getattr(page, "version_url", None)
        if callable(maker):
            base = _safe(lambda: maker(version), base) or base
        elif hasattr(page, "reverse_subpage") and version.effective_from:
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


def _window(version):
    window = _safe(version.window)
    if window is None:
        return getattr(version, "effective_from", None), getattr(version, "effective_to", None)
    return window.start, window.end


def _versions(page):
    versions = [v for v in page.versions.all() if getattr(v, "effective_from", None)]
    return sorted(versions, key=lambda v: v.effective_from)


class _PageProvider(Provider):
    def all_objects(self):
        return self.model.objects.live().specific() if hasattr(self.model.objects, "live") else []

    def get(self, pk):
        return self.model.objects.filter(pk=pk).first()

    def handles(self, obj):
        return isinstance(obj, self.model)


class RegulationProvider(_PageProvider):
    name = "reg"

    @property
    def model(self):
        from policies.models import RegulationPage

        return RegulationPage

    def units_for(self, page):
        if not page.live:
            return []
        today = timezone.localdate()
        category = _safe(lambda: page.category.name if page.category_id else "", "") or ""
        issuer = getattr(page, "issuer", "") or ""
        current = _safe(page.current_version)
        doc_sort = f"reg:{page.path}"
        units = []
        summary = " ".join(filter(None, [getattr(page, "doc_number", ""), getattr(page, "summary", "")]))
        units.append(SearchUnit(
            id=f"reg:{page.pk}", source=f"reg:{page.pk}", type="page", title=page.title, text=summary,
            url=_page_url(page), status=_safe(lambda: page.status(today), "") or "", category=category,
            issuer=issuer, doc_sort=doc_sort, unit_sort=0))
        for version in _versions(page):
            start, end = _window(version)
            status = _safe(lambda v=version: v.status(today), "") or ""
            for article in _safe(version.articles, []) or []:
                units.append(SearchUnit(
                    id=f"reg:{page.pk}:v{version.pk}:{article.anchor}", source=f"reg:{page.pk}", type="article",
                    title=page.title, label=article.label, text=article.text,
                    url=_version_url(page, version, current, article.anchor), version=version.label,
                    valid_from=start, valid_to=end, status=status, category=category, issuer=issuer,
                    doc_sort=doc_sort, unit_sort=article.number))
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
        from policies.models import TaskItem

        today = timezone.localdate()
        issuer = getattr(page, "issuer", "") or ""
        current = _safe(page.current_version)
        units = []
        for version in _versions(page):
            start, end = _window(version)
            status = _safe(lambda v=version: v.status(today), "") or ""
            # Rows at or beyond HIDDEN_ORDER are kept only for old records, not shown to readers.
            items = TaskItem.objects.filter(version=version, sort_order__lt=10_000).order_by("sort_order", "pk")
            for index, item in enumerate(items, 1):
                units.append(SearchUnit(
                    id=f"task:{page.pk}:v{version.pk}:{item.code}", source=f"task:{page.pk}", type="taskitem",
                    title=page.title, label=item.code, text=_item_text(item),
                    url=_item_url(page, version, current, item.code), version=version.label,
                    valid_from=start, valid_to=end, status=status, category=item.category or "",
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
        from policies import status as status_rules

        today = timezone.localdate()
        village = township = ""
        parent = _safe(lambda: page.get_parent().specific)
        if parent is not None and parent._meta.label == "villages.VillagePage":
            village = parent.code
            grand = _safe(lambda: parent.get_parent().specific)
            township = getattr(grand, "code", "") or ""
        versions = _versions(page)
        windows = status_rules.windows(versions, getattr(page, "repealed_on", None))
        current = status_rules.version_in_force(versions, today, getattr(page, "repealed_on", None))
        units = []
        for version, window in windows:
            status = _safe(lambda v=version: status_rules.version_status(
                v, versions, today, getattr(page, "repealed_on", None)), "") or ""
            for article in _safe(version.articles, []) or []:
                units.append(SearchUnit(
                    id=f"vrule:{page.pk}:v{version.pk}:{article.anchor}", source=f"vrule:{page.pk}",
                    type="villagerule", title=page.title, label=article.label, text=article.text,
                    url=_version_url(page, version, current, article.anchor), version=version.label,
                    valid_from=window.start, valid_to=window.end, status=status, township=township,
                    village=village, issuer=getattr(parent, "title", "") if village else "",
                    doc_sort=f"vrule:{page.path}", unit_sort=article.number))
        return units


register(RegulationProvider())
register(TaskListProvider())
register(VillageRuleProvider())
