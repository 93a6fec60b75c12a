"""The addresses under a regulation page (text, dated text, print, PDF, compare). Wagtail keeps a
routable page's routes on the page class, so this is a mixin of ``RegulationPage``; it renders what
``reading`` decides and imports no model."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from ..versioning import status as status_rules
from ..versioning.diff import diff_articles, summarize
from ..versioning.pdf import render_pdf
from . import reading
from .references import RefContext


def reader_context(page, request, day=None):
    """Context for the text page. ``day`` None = today (the plain URL)."""
    dated = day is not None
    day = reading.reading_day(page, day)
    versions, repeal = reading.versions_of(page)
    version = reading.version_for_day(page, request.user, day)
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
        "toc": reading.table_of_contents(outline),
        "window": status_rules.window_of(version, versions, repeal),
        "version_status": status_rules.version_status(version, versions, reading.today(), repeal),
        "status_on_day": status_rules.version_status(version, versions, day, repeal),
        "page_status": reading.page_status(page),
        "timeline": reading.timeline(page, request.user),
        "banner": reading.banner(page, version, day),
        "can_edit": reading.can_edit(page, request.user),
        "refctx": RefContext(articles=articles, chapters=len(chapters), day=day, dated=dated, page_id=page.id,
                             regulations=type(page).objects.live().only("id", "title")),
    }


def not_in_force(request, page, message):
    """404 with the reason in Chinese, plus links to the versions the visitor may read."""
    return TemplateResponse(request, "policies/regulation_not_found.html",
                            {"page": page, "message": message, "timeline": reading.timeline(page, request.user),
                             "page_status": reading.page_status(page)},
                            status=404)


def text_view(page, request, day=None, layout="page"):
    try:
        context = reader_context(page, request, day)
    except reading.NotVisible as exc:
        return not_in_force(request, page, str(exc))
    context["request"] = request
    if layout == "page":
        return TemplateResponse(request, "policies/regulation_page.html", context)
    if layout == "print":
        return TemplateResponse(request, "policies/regulation_print.html", context)
    html = render_to_string("policies/regulation_print.html", dict(context, for_pdf=True), request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    filename = f"{page.slug}-{context['version'].effective_from.isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def compare_view(page, request):
    shown = reading.visible_versions(page, request.user)
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
    old_path = page.dated_url(old.effective_from) if old else ""
    new_path = page.dated_url(new.effective_from) if new else ""
    context = {"page": page, "versions": shown, "old": old, "new": new, "changes": changes,
               "old_path": old_path, "new_path": new_path,
               "counts": summarize(changes), "error": error, "from_id": from_id, "to_id": to_id,
               "timeline": reading.timeline(page, request.user)}
    return TemplateResponse(request, "policies/regulation_compare.html", context, status=400 if error else 200)


class RegulationRoutes(RoutablePageMixin):
    def dated_url(self, day, layout=None):
        """``<page>/YYYY-MM-DD/`` (``print/``, ``pdf/``): the text in force on ``day``."""
        kwargs = {"day": day.isoformat(), **({"layout": layout} if layout else {})}
        return self.url + self.reverse_subpage("dated_text", kwargs=kwargs)

    @path("")
    def current_text(self, request):
        return text_view(self, request)

    @path("print/")
    def current_print(self, request):
        return text_view(self, request, layout="print")

    @path("pdf/")
    def current_pdf(self, request):
        return text_view(self, request, layout="pdf")

    @path("compare/")
    def compare(self, request):
        return compare_view(self, request)

    @re_path(r"^(?P<day>\d{4}-\d{2}-\d{2})/(?:(?P<layout>print|pdf)/)?$")
    def dated_text(self, request, day, layout=None):
        parsed = reading.parse_day(day)
        if parsed is None:
            return not_in_force(request, self, f"日期“{day}”无效，请使用 YYYY-MM-DD 格式。")
        return text_view(self, request, parsed, layout=layout or "page")
