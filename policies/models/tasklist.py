"""Task lists (清单): a page per list with issued versions; each version's items are edited in a
StreamField and materialised as ``TaskItem`` rows on publish so that compliance can point at them."""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from .. import status as status_rules
from ..blocks import TaskItemBlock
from ..schedule import FREQUENCY_CHOICES, FREQUENCY_LABELS, deadline_text
from .versioning import IssuedVersion


class TaskListIndexPage(Page):
    intro = models.TextField("简介", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["policies.TaskListPage"]
    max_count = 1

    class Meta:
        verbose_name = "清单库"


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
    parent_page_types = ["policies.TaskListIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "清单"
        verbose_name_plural = "清单"

    def version_on(self, day):
        return status_rules.version_in_force(self.versions.all(), day)

    def current_version(self):
        return self.version_on(timezone.localdate())

    def status(self, on=None):
        return status_rules.document_status(self.versions.all(), on or timezone.localdate())


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
                             help_text='[{"regulation": 页面ID, "article": "第十二条", "note": ""}]')
    steps = models.JSONField("步骤", default=list, blank=True,
                             help_text='[{"actor", "action", "record", "time_limit", "next": [序号…]}]')
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
