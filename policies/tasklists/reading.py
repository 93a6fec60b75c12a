"""The reader side of a task list, with no HTTP in it: which versions a user may see (the one
visibility rule of task lists), the list in force on a day, and where each 依据 links. The page
routes, the API, the public sections and search read through here."""

from core import clock

from ..regulations.models import RegulationPage
from ..versioning import status as status_rules
from ..versioning.numerals import from_chinese
from ..versioning.reading import can_edit, parse_day, taken_effect

__all__ = ["can_edit", "parse_day", "visible_versions", "may_read_day", "list_context", "task_list_rows",
           "basis_links"]

FUTURE_HIDDEN = "未来日期的清单仅编辑人员可查看。"


def visible_versions(page, user, versions=None):
    """Editors see every version; everyone else only versions that have taken effect
    (``versions``: the page's versions when already fetched)."""
    versions = sorted(page.versions.all() if versions is None else versions, key=lambda v: v.effective_from)
    return taken_effect(versions, can_edit(page, user))


def may_read_day(page, user, day):
    """A list as it will stand on a future day is the editors' preview, not yet public."""
    return day <= clock.today() or can_edit(page, user)


def list_context(page, user, on):
    """The list in force on ``on``: version, items, status and the timeline of visible versions."""
    versions = list(page.versions.all())  # one query for the version, the status and the timeline
    version = status_rules.version_in_force(versions, on)
    shown = visible_versions(page, user, versions)
    today = clock.today()
    timeline = [{"version": v, "status": status_rules.version_status(v, versions, today),
                 "until": status_rules.window_of(v, versions).end} for v in shown]
    return {"on": on, "today": today, "version": version, "items": page.items_of(version),
            "list_status": status_rules.document_status(versions, on),
            "versions": shown, "timeline": timeline,
            "is_past": on != today}


def task_list_rows(pages, on):
    """One row per task list for the index and home pages: status, version in force, item count."""
    rows = []
    for p in pages.order_by("path").prefetch_related("versions"):
        version = p.version_on(on)
        rows.append({"page": p, "status": p.status(on), "version": version,
                     "count": p.item_rows(version).count() if version else 0})
    return rows


def basis_links(item, on):
    """Each basis entry with a title and, for regulations in the library, a link to the article
    in the version in force on ``on``: the regulation's dated text, ``#art-N``."""
    ids = [b.get("regulation") for b in item.basis or [] if b.get("regulation")]
    regs = {p.pk: p for p in RegulationPage.objects.filter(pk__in=ids).live()}
    links = []
    for b in item.basis or []:
        reg = regs.get(b.get("regulation"))
        article = b.get("article") or ""
        url = None
        if reg is not None and reg.url:
            url = reg.dated_url(on)
            head = article.split("条")[0].removeprefix("第") if "条" in article else ""
            try:
                url += f"#art-{from_chinese(head)}" if head else ""
            except ValueError:
                pass
        title = f"《{reg.title}》" if reg is not None else (b.get("title") or "")
        links.append({"title": title, "article": article, "note": b.get("note") or "", "url": url,
                      "regulation": reg.pk if reg is not None else None})
    return links
