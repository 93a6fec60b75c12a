"""Regulations (制度): a page per regulation, one or more issued versions inline."""

from types import SimpleNamespace

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core import clock

from ..versioning import status as status_rules
from ..versioning.blocks import BodyBlock
from ..versioning.library import LibraryIndexPage
from ..versioning.models import IssuedVersion
from . import reading
from .routes import RegulationRoutes


@register_snippet
class RegulationCategory(models.Model):
    """The seed's four mechanisms (主体培育, 权力运行, 权力监督, 主体责任) and any the county adds."""

    name = models.CharField("名称", max_length=40, unique=True)
    description = models.TextField("说明", blank=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = "制度类别"
        verbose_name_plural = "制度类别"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class RegulationIndexPage(LibraryIndexPage):
    subpage_types = ["policies.RegulationPage"]

    class Meta:
        verbose_name = "制度库"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        q = request.GET.get("q", "").strip()
        category = request.GET.get("category", "").strip()
        status = request.GET.get("status", "").strip()
        queryset = RegulationPage.objects.child_of(self).live().order_by("title")
        pages = reading.filter_regulations(queryset, q, category, status)
        context.update(rows=reading.regulation_rows(pages), categories=RegulationCategory.objects.all(),
                       statuses=status_rules.ALL_STATUSES, q=q, category=category, status=status)
        return context


class RegulationTag(TaggedItemBase):
    content_object = ParentalKey("policies.RegulationPage", on_delete=models.CASCADE, related_name="tagged_items")


class RegulationPageForm(WagtailAdminPageForm):
    """Versions of one regulation never overlap; checked across the inline forms (each form alone
    cannot see its siblings)."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("versions")
        if formset is not None:
            formset.is_valid()
            versions = []
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if data.get("DELETE") or not data.get("effective_from"):
                    continue
                versions.append(SimpleNamespace(
                    label=data.get("label") or "未命名版本", effective_from=data["effective_from"],
                    effective_to=data.get("effective_to"), is_trial=data.get("is_trial", False),
                    trial_until=data.get("trial_until")))
            for message in status_rules.validate_no_overlap(versions):
                self.add_error(None, message)
        return cleaned


class RegulationPage(RegulationRoutes, Page):
    doc_number = models.CharField("文号", max_length=80, blank=True)
    issuer = models.CharField("发文机关", max_length=80, default="中共习水县委组织部")
    category = models.ForeignKey(RegulationCategory, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="regulations", verbose_name="类别")
    tags = ClusterTaggableManager("标签", through=RegulationTag, blank=True)
    summary = models.TextField("摘要", blank=True)
    repealed_on = models.DateField("废止日期", null=True, blank=True,
                                   help_text="整部制度自该日起废止；被其他制度废止时也可在“关联制度”中登记。")
    is_demo = models.BooleanField("示例", default=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("doc_number"), FieldPanel("issuer"), FieldPanel("category"),
                         FieldPanel("tags"), FieldPanel("summary"), FieldPanel("repealed_on"),
                         FieldPanel("is_demo")], heading="基本信息"),
        InlinePanel("versions", label="版本", min_num=1),
        InlinePanel("attachments", label="附件"),
        InlinePanel("relations", label="关联制度"),
    ]

    search_fields = Page.search_fields + [index.SearchField("doc_number"), index.SearchField("summary")]
    base_form_class = RegulationPageForm

    parent_page_types = ["policies.RegulationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "制度"
        verbose_name_plural = "制度"

    def get_admin_display_title(self):
        # The status badge of the admin: editors see at a glance which text is in force.
        title = super().get_admin_display_title()
        try:
            return f"{title}【{self.status()}】" if self.pk else title
        except (TypeError, ValueError):  # an unsaved draft with incomplete versions must still list
            return title

    def versions_in_order(self):
        return sorted(self.versions.all(), key=lambda v: v.effective_from)

    def effective_repeal_date(self):
        """Own repeal date, or the start of the regulation that repeals this one, if earlier."""
        dates = [self.repealed_on] if self.repealed_on else []
        repealers = RegulationRelation.objects.filter(target=self, kind=RegulationRelation.REPEALS, page__live=True)
        for rel in repealers.select_related("page"):
            first = rel.page.versions.order_by("effective_from").first()
            if first:
                dates.append(first.effective_from)
        return min(dates) if dates else None

    def version_on(self, day):
        return status_rules.version_in_force(self.versions.all(), day, self.effective_repeal_date())

    def current_version(self):
        return self.version_on(clock.today())

    def status(self, on=None):
        return status_rules.document_status(self.versions.all(), on or clock.today(),
                                            self.effective_repeal_date())


class RegulationVersion(Orderable, IssuedVersion):
    page = ParentalKey(RegulationPage, on_delete=models.CASCADE, related_name="versions")
    body = StreamField(BodyBlock(), verbose_name="正文", use_json_field=True)

    panels = IssuedVersion.version_panels + [FieldPanel("body")]

    class Meta(IssuedVersion.Meta):
        verbose_name = "制度版本"
        verbose_name_plural = "制度版本"
        constraints = [
            models.UniqueConstraint(fields=["page", "effective_from"], name="regulation_version_unique_start"),
            models.CheckConstraint(condition=models.Q(effective_to__isnull=True)
                                   | models.Q(effective_to__gte=models.F("effective_from")),
                                   name="regulation_version_ends_after_start"),
        ]

    def repealed_on(self):
        return self.page.effective_repeal_date() if self.page_id else None


class RegulationAttachment(Orderable):
    page = ParentalKey(RegulationPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.PROTECT, related_name="+",
                                 verbose_name="文件")
    title = models.CharField("说明", max_length=120, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "附件"


class RegulationRelation(Orderable):
    BASIS, AMENDS, REPEALS, SUPPORTS = "basis", "amends", "repeals", "supports"
    KIND_CHOICES = [(BASIS, "依据"), (AMENDS, "修订"), (REPEALS, "废止"), (SUPPORTS, "配套")]

    page = ParentalKey(RegulationPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField("关系", max_length=10, choices=KIND_CHOICES)
    target = models.ForeignKey(RegulationPage, on_delete=models.PROTECT, related_name="incoming_relations",
                               verbose_name="关联制度")
    note = models.CharField("备注", max_length=200, blank=True)

    panels = [FieldPanel("kind"), FieldPanel("target"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = "关联制度"
        constraints = [
            models.UniqueConstraint(fields=["page", "kind", "target"], name="regulation_relation_unique"),
        ]
