"""The reader side of a regulation: which version a visitor sees on which day, and the pages built
from it (text, dated text, compare, print, PDF). RegulationPage's routes call these."""

import datetime

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse

from core import clock
from core.templatetags.rulebook import cn_date

from . import status as status_rules
from .diff import diff_articles, summarize
from .references import RefContext


class NotVisible(Exception):
    """Nothing the visitor may see is in force on the day asked for (carries a Chinese message)."""


def today():
    return clock.today()


def parse_day(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def versions_of(page):
    """The page's versions, loaded once per page object: window lookups compare by identity."""
    cached = getattr(page, "_reader_versions", None)
    if cached is None:
        cached = (page.versions_in_order(), page.effective_repeal_date())
        page._reader_versions = cached
    return cached


def can_edit(page, user):
    if user is None or not user.is_authenticated:
        return False
    return page.permissions_for_user(user).can_edit()


def visible_versions(page, user, versions=None):
    """Editors see every version; everyone else only versions that have taken effect."""
    versions = versions_of(page)[0] if versions is None else versions
    if can_edit(page, user):
        return versions
    now = today()
    return [v for v in versions if v.effective_from <= now]


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


def reader_context(page, request, day=None):
    """Context for the text page. ``day`` None = today (the plain URL)."""
    dated = day is not None
    day = day or today()
    versions, repeal = versions_of(page)
    if not dated and repeal and repeal <= day:
        # A repealed regulation's own address still shows its last text (under a "已废止" notice):
        # the library lists it and other regulations link to it. Only a chosen date with no
        # text in force is a 404.
        day = repeal - datetime.timedelta(days=1)
    version = version_for_day(page, request.user, day)
    outline = version.outline()
    articles = [item for item in outline if hasattr(item, "paragraphs")]
    chapters = [item for item in outline if getattr(item, "kind", None) == "chapter"]
    return {
        "page": page,
        "version": version,
        "day": day,
        "dated": dated,
        "outline": outline,
        "articles": articles,
        "toc": table_of_contents(outline),
        "window": status_rules.window_of(version, versions, repeal),
        "version_status": status_rules.version_status(version, versions, today(), repeal),
        "status_on_day": status_rules.version_status(version, versions, day, repeal),
        "page_status": page_status(page),
        "timeline": timeline(page, request.user),
        "banner": banner(page, version, day),
        "can_edit": can_edit(page, request.user),
        "refctx": RefContext(articles=articles, chapters=len(chapters), day=day, dated=dated, page_id=page.id),
        "day_path": f"{day.isoformat()}/" if dated else "",
    }


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


def not_in_force(request, page, message):
    """404 with the reason in Chinese, plus links to the versions the visitor may read."""
    return TemplateResponse(request, "policies/regulation_not_found.html",
                            {"page": page, "message": message, "timeline": timeline(page, request.user),
                             "page_status": page_status(page)},
                            status=404)


def text_view(page, request, day=None, layout="page"):
    try:
        context = reader_context(page, request, day)
    except NotVisible as exc:
        return not_in_force(request, page, str(exc))
    context["request"] = request
    if layout == "page":
        return TemplateResponse(request, "policies/regulation_page.html", context)
    if layout == "print":
        return TemplateResponse(request, "policies/regulation_print.html", context)
    from .pdf import render_pdf

    html = render_to_string("policies/regulation_print.html", dict(context, for_pdf=True), request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    filename = f"{page.slug}-{context['version'].effective_from.isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def compare_view(page, request):
    shown = visible_versions(page, request.user)
    by_id = {str(v.pk): v for v in shown if v.pk}
    error = ""
    if len(shown) >= 2:
        default_from, default_to = shown[-2], shown[-1]
    else:
        default_from = default_to = shown[0] if shown else None
    from_id = request.GET.get("from") or (str(default_from.pk) if default_from else "")
    to_id = request.GET.get("to") or (str(default_to.pk) if default_to else "")
    old, new = by_id.get(from_id), by_id.get(to_id)
    if old is None or new is None:
        error = "请选择本制度的两个版本进行比较（版本编号无效或不可见）。"
    changes = diff_articles(old.articles(), new.articles()) if not error else []
    # Each side's label links to that article in its own dated text (the version's first day).
    old_path = f"{page.url}{old.effective_from.isoformat()}/" if old else ""
    new_path = f"{page.url}{new.effective_from.isoformat()}/" if new else ""
    context = {"page": page, "versions": shown, "old": old, "new": new, "changes": changes,
               "old_path": old_path, "new_path": new_path,
               "counts": summarize(changes), "error": error, "from_id": from_id, "to_id": to_id,
               "timeline": timeline(page, request.user)}
    return TemplateResponse(request, "policies/regulation_compare.html", context, status=400 if error else 200)


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
    from django.db.models import Q

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


def regulation_list(index, request):
    from .models import RegulationCategory, RegulationPage

    q = request.GET.get("q", "").strip()
    category = request.GET.get("category", "").strip()
    status = request.GET.get("status", "").strip()
    queryset = RegulationPage.objects.child_of(index).live().order_by("title")
    pages = filter_regulations(queryset, q, category, status)
    return {"rows": regulation_rows(pages), "categories": RegulationCategory.objects.all(),
            "statuses": status_rules.ALL_STATUSES, "q": q, "category": category, "status": status}
