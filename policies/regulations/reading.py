"""The reader side of a regulation, with no HTTP in it: which versions a user may see (the one
visibility rule of regulations), which version is in force on a day, the status of a page, the
notices above an old text. The page routes, the API, search and the admin all read through here."""

import datetime

from django.db.models import Q

from core import clock
from core.templatetags.rulebook import cn_date

from ..versioning import status as status_rules
from ..versioning.reading import can_edit, parse_day, taken_effect

__all__ = ["NotVisible", "can_edit", "parse_day", "versions_of", "visible_versions", "version_for_day",
           "timeline", "banner", "table_of_contents", "page_status", "regulation_rows", "filter_regulations"]


class NotVisible(Exception):
    """Nothing the visitor may see is in force on the day asked for (carries a Chinese message)."""


def today():
    return clock.today()


def versions_of(page):
    """The page's versions, loaded once per page object: window lookups compare by identity."""
    cached = getattr(page, "_reader_versions", None)
    if cached is None:
        cached = (page.versions_in_order(), page.effective_repeal_date())
        page._reader_versions = cached
    return cached


def visible_versions(page, user, versions=None):
    """Editors see every version; everyone else only versions that have taken effect."""
    versions = versions_of(page)[0] if versions is None else versions
    return taken_effect(versions, can_edit(page, user))


def version_for_day(page, user, day):
    """The version in force on ``day`` that ``user`` may see, else NotVisible."""
    versions, repeal = versions_of(page)
    version = status_rules.version_in_force(versions, day, repeal)
    if version is None:
        if repeal and day >= repeal:
            raise NotVisible(f"《{page.title}》已于{cn_date(repeal)}废止，该日期没有有效文本。")
        raise NotVisible(f"《{page.title}》在{cn_date(day)}没有施行中的版本。")
    if version not in visible_versions(page, user, versions):
        raise NotVisible(f"《{page.title}》在{cn_date(day)}施行的版本尚未生效，暂不公开。")
    return version


def timeline(page, user, on=None):
    on = on or today()
    versions, repeal = versions_of(page)
    shown = visible_versions(page, user, versions)
    rows = []
    for version, window in status_rules.windows(versions, repeal):
        if version in shown:
            rows.append({"version": version, "window": window,
                         "status": status_rules.version_status(version, versions, on, repeal)})
    return rows


def banner(page, version, day):
    """The notice above a text that is not the one in force today."""
    versions, repeal = versions_of(page)
    now = today()
    window = status_rules.window_of(version, versions, repeal)
    if window.contains(now):
        return ""
    if window.start > now:
        return f"此版本自{cn_date(window.start)}起施行，目前尚未生效（仅编辑可见）。"
    later = [v for v in versions if v.effective_from > version.effective_from]
    if later and (not repeal or later[0].effective_from < repeal):
        return f"此版本自{cn_date(window.start)}起施行，已于{cn_date(later[0].effective_from)}被修订。"
    if repeal:
        return f"此版本自{cn_date(window.start)}起施行，已于{cn_date(repeal)}废止。"
    end = window.end + datetime.timedelta(days=1) if window.end else now
    return f"此版本自{cn_date(window.start)}起施行，已于{cn_date(end)}失效。"


def reading_day(page, day=None):
    """The day whose text the plain address shows: today, except that a repealed regulation's own
    address still shows its last text (under a "已废止" notice): the library lists it and other
    regulations link to it. Only a chosen date with no text in force is a 404."""
    if day is not None:
        return day
    day = today()
    repeal = versions_of(page)[1]
    if repeal and repeal <= day:
        return repeal - datetime.timedelta(days=1)
    return day


def table_of_contents(outline):
    """Headings with the articles under each, so a reader can jump straight to 第十条 even when
    the text has chapters: ``[{"heading": Heading | None, "articles": [Article, …]}, …]``."""
    groups = []
    for item in outline:
        if getattr(item, "kind", None) in ("chapter", "section"):
            groups.append({"heading": item, "articles": []})
        else:
            if not groups:
                groups.append({"heading": None, "articles": []})
            groups[-1]["articles"].append(item)
    return groups


def page_status(page, on=None):
    """``page.status(on)`` from the versions and repeal date already loaded by ``versions_of``."""
    versions, repeal = versions_of(page)
    return status_rules.document_status(versions, on or today(), repeal)


def regulation_rows(pages, on=None):
    """(page, status) pairs for lists; versions and repeal date fetched once per page."""
    on = on or today()
    rows = []
    for p in pages:
        versions, repeal = versions_of(p)
        rows.append({"page": p, "status": page_status(p, on),
                     "current": status_rules.version_in_force(versions, on, repeal)})
    return rows


def filter_regulations(queryset, q="", category="", status=""):
    if q:
        queryset = queryset.filter(Q(title__icontains=q) | Q(doc_number__icontains=q) | Q(summary__icontains=q))
    if category:
        match = Q(category__name=category)
        if category.isdigit():
            match |= Q(category__id=int(category))
        queryset = queryset.filter(match)
    pages = list(queryset.select_related("category").prefetch_related("versions"))
    if status:
        pages = [p for p in pages if page_status(p) == status]
    return pages
