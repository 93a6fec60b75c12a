"""Task lists (清单): a page per list with issued versions; each version's items are edited in a
StreamField and materialised as ``TaskItem`` rows on publish so that compliance can point at them.

Routes: ``<CODE>/`` one item with its flowchart, ``YYYY-MM-DD/`` the list in force that day,
``print/`` handout, ``pdf/``, ``xlsx/`` (the columns townships pass around)."""

from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from core import clock

from .. import status as status_rules
from ..blocks import TaskItemBlock
from ..schedule import FREQUENCY_CHOICES, FREQUENCY_LABELS, RECURRING, deadline_text, period_containing
from ..taskitems import HIDDEN_ORDER
from .library import LibraryIndexPage
from .versioning import IssuedVersion


def validate_tasklist_versions(versions):
    """All Chinese error messages for a set of versions (saved or straight from the form)."""
    from ..taskitems import raw_items, validate_items

    versions = [v for v in versions if getattr(v, "effective_from", None)]
    errors = list(status_rules.validate_no_overlap(versions))
    for version in versions:
        errors.extend(validate_items(version.label or "未命名版本", raw_items(version)))
    return errors


class TaskListPageForm(WagtailAdminPageForm):
    """Checks the inline versions together: the model's clean() cannot see unsaved inlines."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("versions")
        if formset is None:
            return cleaned
        formset.is_valid()  # cleans each form; go on even if one failed, to report all problems
        versions = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            versions.append(SimpleNamespace(
                label=data.get("label") or "", effective_from=data.get("effective_from"),
                effective_to=data.get("effective_to"), is_trial=data.get("is_trial"),
                trial_until=data.get("trial_until"), items=data.get("items") or []))
        for message in validate_tasklist_versions(versions):
            self.add_error(None, message)
        return cleaned


class TaskListIndexPage(LibraryIndexPage):
    subpage_types = ["policies.TaskListPage"]

    class Meta:
        verbose_name = "清单库"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = clock.today()
        context["lists"] = task_list_rows(TaskListPage.objects.child_of(self).live(), today)
        return context


def task_list_rows(pages, on):
    """One row per task list for the index and home pages: status, version in force, item count."""
    rows = []
    for p in pages.order_by("path").prefetch_related("versions"):
        version = p.version_on(on)
        rows.append({"page": p, "status": p.status(on), "version": version,
                     "count": p.item_rows(version).count() if version else 0})
    return rows


class TaskListPage(RoutablePageMixin, Page):
    list_code = models.SlugField("清单代码", max_length=20, unique=True, allow_unicode=False,
                                 help_text="事项编码的前缀，如 SHYK（三会一课）。")
    issuer = models.CharField("发文机关", max_length=80, default="中共习水县委组织部")
    summary = models.TextField("说明", blank=True)
    is_demo = models.BooleanField("示例", default=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("list_code"), FieldPanel("issuer"), FieldPanel("summary"),
                         FieldPanel("is_demo")], heading="基本信息"),
        InlinePanel("versions", label="版本", min_num=1),
    ]
    base_form_class = TaskListPageForm
    parent_page_types = ["policies.TaskListIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "清单"
        verbose_name_plural = "清单"

    def clean(self):
        super().clean()
        errors = validate_tasklist_versions(self.versions.all())
        if errors:
            raise ValidationError(errors)

    # --- versions --------------------------------------------------------------------------
    def version_on(self, day):
        return status_rules.version_in_force(self.versions.all(), day)

    def current_version(self):
        return self.version_on(clock.today())

    def status(self, on=None):
        return status_rules.document_status(self.versions.all(), on or clock.today())

    def visible_versions(self, request, on, versions=None):
        """Future versions are shown only to those who may edit the list (``versions``: already fetched)."""
        versions = sorted(self.versions.all() if versions is None else versions, key=lambda v: v.effective_from)
        if can_edit(request, self):
            return versions
        return [v for v in versions if v.effective_from <= max(on, clock.today())]

    # --- items -----------------------------------------------------------------------------
    def item_rows(self, version):
        if version is None or version.pk is None:
            return TaskItem.objects.none()
        return TaskItem.objects.filter(version=version, sort_order__lt=HIDDEN_ORDER).order_by("sort_order")

    def items_of(self, version):
        """Rows once published; unsaved TaskItem objects from the stream in a preview."""
        from ..taskitems import item_fields, raw_items

        if version is None:
            return []
        rows = list(self.item_rows(version))
        if rows:
            return rows
        return [TaskItem(version=version if version.pk else None, sort_order=i, **item_fields(v))
                for i, v in enumerate(raw_items(version))]

    # --- routes ----------------------------------------------------------------------------
    def _context(self, request, on):
        versions = list(self.versions.all())  # one query for the version, the status and the timeline
        version = status_rules.version_in_force(versions, on)
        shown = self.visible_versions(request, on, versions)
        today = clock.today()
        timeline = [{"version": v, "status": status_rules.version_status(v, versions, today),
                     "until": status_rules.window_of(v, versions).end} for v in shown]
        return {"on": on, "today": today, "version": version, "items": self.items_of(version),
                "list_status": status_rules.document_status(versions, on),
                "versions": shown, "timeline": timeline,
                "is_past": on != clock.today()}

    @path("")
    def list_today(self, request):
        return self.render(request, context_overrides=self._context(request, clock.today()))

    @re_path(r"^(\d{4}-\d{2}-\d{2})/$")
    def list_on(self, request, day):
        on = parse_day(day)
        if on > clock.today() and not can_edit(request, self):
            raise Http404("未来日期的清单仅编辑人员可查看。")
        return self.render(request, context_overrides=self._context(request, on))

    def _on_param(self, request):
        on = parse_day(request.GET.get("on")) if request.GET.get("on") else clock.today()
        if on > clock.today() and not can_edit(request, self):
            raise Http404("未来日期的清单仅编辑人员可查看。")
        return on

    def _handout(self, request):
        """Context of the printable handout: the table, then each item's flowchart."""
        from ..flowchart import render_flowchart

        context = self._context(request, self._on_param(request))
        context["handout"] = True
        context["charts"] = [(item, render_flowchart(item.steps, title=f"{item.code} {item.name}",
                                                     dom_id=f"fc-{item.code}"))
                             for item in context["items"] if item.steps]
        return context

    @path("print/")
    def print_view(self, request):
        context = self._handout(request)
        return self.render(request, template="policies/task_list_print.html", context_overrides=context)

    @path("pdf/")
    def pdf_view(self, request):
        from django.template.loader import render_to_string

        from ..pdf import render_pdf

        context = self.get_context(request)
        context.update(self._handout(request), pdf=True)
        html = render_to_string("policies/task_list_print.html", context, request=request)
        response = HttpResponse(render_pdf(html, base_url=request.build_absolute_uri("/")),
                                content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.list_code}.pdf"'
        return response

    @path("xlsx/")
    def xlsx_view(self, request):
        from ..excel import XLSX_TYPE, tasklist_workbook

        on = self._on_param(request)
        data = tasklist_workbook(self, self.version_on(on), on)
        response = HttpResponse(data, content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.list_code}-{on.isoformat()}.xlsx"'
        return response

    @re_path(r"^([A-Z]{2,10}-\d{2,3})/$")
    def item_view(self, request, code):
        from ..flowchart import render_flowchart

        on = self._on_param(request)
        version = self.version_on(on)
        item = next((i for i in self.items_of(version) if i.code == code), None)
        if item is None:
            raise Http404(f"该清单在{on.isoformat()}施行的版本中没有事项“{code}”。")
        context = {"on": on, "version": version, "item": item, "basis_links": basis_links(item, on),
                   "flowchart": render_flowchart(item.steps, title=f"{item.code} {item.name}办理流程"),
                   "list_status": self.status(on)}
        return self.render(request, template="policies/task_item.html", context_overrides=context)


def can_edit(request, page):
    from .. import views

    return views.can_edit(page, getattr(request, "user", None))


def parse_day(text):
    from .. import views

    day = views.parse_day(text)
    if day is None:
        raise Http404(f"日期“{str(text)[:20]}”无效，应形如 2026-01-31。")
    return day


def basis_links(item, on):
    """Each basis entry with a title and, for regulations in the library, a link to the article
    in the version in force on ``on``: ``{reg.url}{date}/#art-N``."""
    from ..numerals import from_chinese
    from .regulation import RegulationPage

    ids = [b.get("regulation") for b in item.basis or [] if b.get("regulation")]
    regs = {p.pk: p for p in RegulationPage.objects.filter(pk__in=ids).live()}
    links = []
    for b in item.basis or []:
        reg = regs.get(b.get("regulation"))
        article = b.get("article") or ""
        url = None
        if reg is not None and reg.url:
            url = f"{reg.url}{on.isoformat()}/"
            head = article.split("条")[0].removeprefix("第") if "条" in article else ""
            try:
                url += f"#art-{from_chinese(head)}" if head else ""
            except ValueError:
                pass
        title = f"《{reg.title}》" if reg is not None else (b.get("title") or "")
        links.append({"title": title, "article": article, "note": b.get("note") or "", "url": url,
                      "regulation": reg.pk if reg is not None else None})
    return links


class TaskListVersion(Orderable, IssuedVersion):
    page = ParentalKey(TaskListPage, on_delete=models.CASCADE, related_name="versions")
    items = StreamField([("item", TaskItemBlock())], verbose_name="事项", use_json_field=True, blank=True)

    panels = IssuedVersion.version_panels + [FieldPanel("items")]

    class Meta(IssuedVersion.Meta):
        verbose_name = "清单版本"
        verbose_name_plural = "清单版本"
        constraints = [
            models.UniqueConstraint(fields=["page", "effective_from"], name="tasklist_version_unique_start"),
        ]

    def raw_body(self):
        return []


class TaskItem(models.Model):
    """One duty (事项) of one published version of a task list. Rebuilt from the version's
    ``items`` stream whenever the list is published; ``code`` is stable across versions."""

    version = models.ForeignKey(TaskListVersion, on_delete=models.CASCADE, related_name="task_items",
                                verbose_name="清单版本")
    code = models.CharField("事项编码", max_length=20)
    name = models.CharField("事项名称", max_length=120)
    category = models.CharField("类别", max_length=40, blank=True)
    responsible = models.CharField("责任主体", max_length=80)
    frequency = models.CharField("频次", max_length=12, choices=FREQUENCY_CHOICES)
    deadline_day = models.PositiveSmallIntegerField("期限（期内第几日）", null=True, blank=True)
    deadline_note = models.CharField("期限说明", max_length=80, blank=True)
    basis = models.JSONField("依据", default=list, blank=True,
                             help_text='[{"regulation": 页面ID, "title": "", "article": "第十二条", "note": ""}]')
    steps = models.JSONField("步骤", default=list, blank=True,
                             help_text='[{"actor", "action", "record", "time_limit", "next_steps"}]')
    evidence = models.TextField("履职佐证", blank=True)
    disclosure = models.TextField("公开要求", blank=True)
    supervisor = models.CharField("监督主体", max_length=80, blank=True)
    risks = models.TextField("风险点", blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "清单事项"
        verbose_name_plural = "清单事项"
        ordering = ["version", "sort_order"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="task_item_unique_code")]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def frequency_label(self):
        return FREQUENCY_LABELS.get(self.frequency, self.frequency)

    @property
    def deadline(self):
        return self.deadline_note or deadline_text(self.frequency, self.deadline_day)

    @property
    def is_recurring(self):
        return self.frequency in RECURRING

    def period_on(self, day):
        """The period (2026-W47, 2026-11, 2026-Q4 …) containing ``day``; None for 按需/限期 items."""
        return period_containing(self.frequency, day) if self.is_recurring else None

    def due_in(self, period):
        """The due date of this duty in ``period``: day N of it (clamped to its end), else its last day."""
        return period.due(self.deadline_day)

    def url_on(self, page=None):
        page = page or self.version.page
        return f"{page.url}{self.code}/"

    @property
    def basis_text(self):
        parts = []
        for b in self.basis or []:
            title = b.get("title") or ""
            if b.get("regulation") and not title:
                from .regulation import RegulationPage

                reg = RegulationPage.objects.filter(pk=b["regulation"]).first()
                title = f"《{reg.title}》" if reg else ""
            parts.append(f"{title}{b.get('article') or ''}{'（' + b['note'] + '）' if b.get('note') else ''}")
        return "；".join(p for p in parts if p)

    @property
    def steps_display(self):
        """Steps for readers: the branch syntax "4:通过; 1:未通过" becomes "通过→第4步；未通过→第1步"."""
        from ..taskitems import next_steps_text

        return [{**s, "next_text": next_steps_text(s.get("next_steps") or "")} for s in self.steps or []]

    @property
    def steps_text(self):
        return "\n".join(f"{n}. {s.get('actor', '')}：{s.get('action', '')}"
                         + (f"（记录：{s['record']}）" if s.get("record") else "")
                         + (f"（{s['next_text']}）" if s["next_text"] else "")
                         for n, s in enumerate(self.steps_display, 1))
