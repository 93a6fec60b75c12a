"""The addresses under a task list page: ``YYYY-MM-DD/`` the list in force that day, ``<CODE>/`` one
item with its flowchart, ``print/`` handout, ``pdf/``, ``xlsx/`` (the columns townships pass around).
Wagtail keeps a routable page's routes on the page class, so this is a mixin of ``TaskListPage``; it
renders what ``reading`` decides and imports no model."""

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from core import clock

from ..versioning.pdf import render_pdf
from . import reading
from .excel import XLSX_TYPE, tasklist_workbook
from .flowchart import render_flowchart


def _user(request):
    return getattr(request, "user", None)


def _day(text):
    day = reading.parse_day(text)
    if day is None:
        raise Http404(f"日期“{str(text)[:20]}”无效，应形如 2026-01-31。")
    return day


class TaskListRoutes(RoutablePageMixin):
    def item_url(self, code):
        return self.url + self.reverse_subpage("item_view", args=[code])

    def _on_param(self, request):
        on = _day(request.GET.get("on")) if request.GET.get("on") else clock.today()
        if not reading.may_read_day(self, _user(request), on):
            raise Http404(reading.FUTURE_HIDDEN)
        return on

    def _handout(self, request):
        """Context of the printable handout: the table, then each item's flowchart."""
        context = reading.list_context(self, _user(request), self._on_param(request))
        context["handout"] = True
        context["charts"] = [(item, render_flowchart(item.steps, title=f"{item.code} {item.name}",
                                                     dom_id=f"fc-{item.code}"))
                             for item in context["items"] if item.steps]
        return context

    @path("")
    def list_today(self, request):
        return self.render(request, context_overrides=reading.list_context(self, _user(request), clock.today()))

    @re_path(r"^(\d{4}-\d{2}-\d{2})/$")
    def list_on(self, request, day):
        on = _day(day)
        if not reading.may_read_day(self, _user(request), on):
            raise Http404(reading.FUTURE_HIDDEN)
        return self.render(request, context_overrides=reading.list_context(self, _user(request), on))

    @path("print/")
    def print_view(self, request):
        context = self._handout(request)
        return self.render(request, template="policies/task_list_print.html", context_overrides=context)

    @path("pdf/")
    def pdf_view(self, request):
        context = self.get_context(request)
        context.update(self._handout(request), pdf=True)
        html = render_to_string("policies/task_list_print.html", context, request=request)
        response = HttpResponse(render_pdf(html, base_url=request.build_absolute_uri("/")),
                                content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.list_code}.pdf"'
        return response

    @path("xlsx/")
    def xlsx_view(self, request):
        on = self._on_param(request)
        data = tasklist_workbook(self, self.version_on(on), on)
        response = HttpResponse(data, content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.list_code}-{on.isoformat()}.xlsx"'
        return response

    @re_path(r"^([A-Z]{2,10}-\d{2,3})/$")
    def item_view(self, request, code):
        on = self._on_param(request)
        version = self.version_on(on)
        item = next((i for i in self.items_of(version) if i.code == code), None)
        if item is None:
            raise Http404(f"该清单在{on.isoformat()}施行的版本中没有事项“{code}”。")
        context = {"on": on, "version": version, "item": item, "basis_links": reading.basis_links(item, on),
                   "flowchart": render_flowchart(item.steps, title=f"{item.code} {item.name}办理流程"),
                   "list_status": self.status(on)}
        return self.render(request, template="policies/task_item.html", context_overrides=context)
