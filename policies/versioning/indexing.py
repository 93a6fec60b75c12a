"""What the search providers of the kinds share. Statuses and windows come from ``versioning.status``
over one list of versions per page; a failed reindex is logged by ``search.registry`` and never
breaks publishing."""

import logging

from search.registry import Provider

logger = logging.getLogger(__name__)


def page_url(page):
    try:
        return page.get_url() or page.url_path
    except Exception:
        return getattr(page, "url_path", "") or ""


def version_url(page, version, current, anchor=""):
    """Current text: the page itself; another version: the page as of that version's first day
    where the page routes dates (regulations: ``<page>/YYYY-MM-DD/``)."""
    base = page_url(page)
    if current is not None and version.pk != current.pk and hasattr(page, "reverse_subpage"):
        base = page_url(page) + page.reverse_subpage("dated_text", kwargs={"day": version.effective_from.isoformat()})
    return f"{base}#{anchor}" if anchor else base


def safe(call, default=None):
    try:
        return call()
    except Exception:
        logger.debug("search: attribute failed", exc_info=True)
        return default


def dated_versions(page):
    versions = [v for v in page.versions.all() if getattr(v, "effective_from", None)]
    return sorted(versions, key=lambda v: v.effective_from)


class PageProvider(Provider):
    def all_objects(self):
        # Already the specific class: ``.specific()`` would only add a query per batch.
        return self.model.objects.live()
