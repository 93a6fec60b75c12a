"""Task lists (清单): a page per list with issued versions; each version's items are edited in a
StreamField and materialised as ``TaskItem`` rows on publish (``sync``) so that compliance can point
at them. The page's addresses are in ``routes``; what a reader sees is decided in ``reading``."""

from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from core import clock

from ..regulations.models import RegulationPage
from ..versioning import status as status_rules
from ..versioning.library import LibraryIndexPage
from ..versioning.models import IssuedVersion
from ..versioning.schedule import (
    FREQUENCY_CHOICES,
    FREQUENCY_LABELS,
    RECURRING,
    deadline_text,
    period_containing,
)
from . import reading
from .blocks import TaskItemBlock
from .routes import TaskListRoutes
from .taskitems import HIDDEN_ORDER, item_fields, next_steps_text, raw_items, validate_items


def validate_tasklist_versions(versions):
    """All Chinese error messages for a set of versions (saved or straight from the form)."""
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
            if data.get("DELETE") and form.instance.pk:
                self._refuse_delete_if_referenced(form.instance)
            if not data or data.get("DELETE"):
                continue
            versions.append(SimpleNamespace(
                label=data.get("label") or "", effective_from=data.get("effective_from"),
                effective_to=data.get("effective_to"), is_trial=data.get("is_trial"),
                trial_until=data.get("trial_until"), items=data.get("items") or []))
        for message in validate_tasklist_versions(versions):
            self.add_error(None, message)
        return cleaned

    def _refuse_delete_if_referenced(self, version):
        """History is never cut: a version that duties or records point at cannot be removed."""
        from .sync import version_references  # sync imports this module

        found = version_references(version)
        if found:
            what = "、".join(f"{count} 条{name}" for name, count in found)
            self.add_error(None, f"版本“{version.label or version.effective_from}”不能删除：{what}引用了它"
                                 f"（历史记录不可截断）。如不再执行，请为它填写失效日期。")


class TaskListIndexPage(LibraryIndexPage):
    subpage_types = ["policies.TaskListPage"]

    class Meta:
        verbose_name = "清单库"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = clock.today()
        context["lists"] = reading.task_list_rows(TaskListPage.objects.child_of(self).live(), today)
        return context


class TaskListPage(TaskListRoutes, Page):
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

    # --- items -----------------------------------------------------------------------------
    def item_rows(self, version):
        if version is None or version.pk is None:
            return TaskItem.objects.none()
        return TaskItem.objects.filter(version=version, sort_order__lt=HIDDEN_ORDER).order_by("sort_order")

    def items_of(self, version):
        """Rows once published; unsaved TaskItem objects from the stream in a preview."""
        if version is None:
            return []
        rows = list(self.item_rows(version))
        if rows:
            return rows
        return [TaskItem(version=version if version.pk else None, sort_order=i, **item_fields(v))
                for i, v in enumerate(raw_items(version))]


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
        # One listed row per code; rows kept only for history (hidden, ``sort_order`` ≥ HIDDEN_ORDER)
        # may share a code with the listed one: they are the text older records met.
        constraints = [models.UniqueConstraint(fields=["version", "code"], condition=models.Q(sort_order__lt=HIDDEN_ORDER),
                                               name="task_item_unique_listed_code")]

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
        return page.item_url(self.code)

    @property
    def basis_text(self):
        parts = []
        for b in self.basis or []:
            title = b.get("title") or ""
            if b.get("regulation") and not title:
                reg = RegulationPage.objects.filter(pk=b["regulation"]).first()
                title = f"《{reg.title}》" if reg else ""
            parts.append(f"{title}{b.get('article') or ''}{'（' + b['note'] + '）' if b.get('note') else ''}")
        return "；".join(p for p in parts if p)

    @property
    def steps_display(self):
        """Steps for readers: the branch syntax "4:通过; 1:未通过" becomes "通过→第4步；未通过→第1步"."""
        return [{**s, "next_text": next_steps_text(s.get("next_steps") or "")} for s in self.steps or []]

    @property
    def steps_text(self):
        return "\n".join(f"{n}. {s.get('actor', '')}：{s.get('action', '')}"
                         + (f"（记录：{s['record']}）" if s.get("record") else "")
                         + (f"（{s['next_text']}）" if s["next_text"] else "")
                         for n, s in enumerate(self.steps_display, 1))
