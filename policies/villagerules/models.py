"""Village rules (村规民约): the county's model text (示范文本) and each village's own rules, with
the adoption record the law requires (征集民意 → 拟定草案 → 乡镇审核 → 村民会议表决 → 备案公布)."""

import datetime
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from core import clock
from core.templatetags.rulebook import cn_date
from villages.models import TownshipPage, VillagePage

from ..versioning import status as status_rules
from ..versioning.blocks import BodyBlock
from ..versioning.diff import diff_articles, summarize
from ..versioning.library import LibraryIndexPage
from ..versioning.models import IssuedVersion
from . import adoption
from .adoption import DRAFT, FILED, REPEALED, VOTED

RULE_STATUSES = [DRAFT, VOTED, FILED, REPEALED]


class VillageRuleIndexPage(LibraryIndexPage):
    """Holds the county template(s); the township overview of every village's rules lives here."""

    max_age_years = models.PositiveSmallIntegerField("提示修订的年限", default=5,
                                                     help_text="村规民约超过此年限未修订时在乡镇视图中提示。")

    content_panels = LibraryIndexPage.content_panels + [FieldPanel("max_age_years")]
    subpage_types = ["policies.VillageRulePage"]

    class Meta:
        verbose_name = "村规民约"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        on = clock.today()
        templates = []
        for page in VillageRulePage.objects.child_of(self).live().order_by("path"):
            status, version = page.rule_status(on, is_template=True)
            templates.append({"page": page, "status": status, "version": version})
        counts = Counter()
        villages = VillageRulePage.objects.live().not_child_of(self).descendant_of(self.get_parent())
        for page in villages.prefetch_related("versions"):
            counts[page.rule_status(on, is_template=False)[0]] += 1
        context.update(templates=templates, total=sum(counts.values()), counts=sorted(counts.items()),
                       townships=TownshipPage.objects.live().order_by("code"))
        return context


class VillageRulePageForm(WagtailAdminPageForm):
    """Offers only the county template's versions as ``based_on`` (not every village's versions)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("versions")
        if formset is None:
            return
        index = VillageRuleIndexPage.objects.first()
        queryset = VillageRuleVersion.objects.none()
        if index is not None:
            queryset = VillageRuleVersion.objects.filter(
                page__in=VillageRulePage.objects.child_of(index)).select_related("page")
        for form in [*formset.forms, formset.empty_form]:
            if "based_on" in form.fields:
                form.fields["based_on"].queryset = queryset


class VillageRulePage(Page):
    """Under a VillagePage it is that village's rules; under the index page it is the template."""

    repealed_on = models.DateField("废止日期", null=True, blank=True)
    is_demo = models.BooleanField("示例", default=False)

    content_panels = Page.content_panels + [
        FieldPanel("repealed_on"), FieldPanel("is_demo"),
        InlinePanel("versions", label="版本", min_num=1),
    ]
    base_form_class = VillageRulePageForm
    parent_page_types = ["villages.VillagePage", "policies.VillageRuleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "村规民约（文本）"
        verbose_name_plural = "村规民约（文本）"

    @property
    def is_template(self):
        return isinstance(self.get_parent().specific, VillageRuleIndexPage)

    def today(self):
        return clock.today()

    @property
    def village(self):
        return VillagePage.objects.filter(pk=self.get_parent().pk).first() if self.pk else None

    def rule_status(self, on=None, is_template=None):
        """``(status, version)``: for a template the issued-version status, else the adoption status.
        ``is_template``: pass it when the caller already knows, to spare two parent queries per page."""
        on = on or self.today()
        versions = list(self.versions.all())
        if self.is_template if is_template is None else is_template:
            dated = [v for v in versions if v.effective_from]
            return (status_rules.document_status(dated, on, self.repealed_on),
                    status_rules.version_in_force(dated, on, self.repealed_on))
        return adoption.rule_status(versions, on, self.repealed_on)

    def versions_in_order(self):
        return sorted(self.versions.all(),
                      key=lambda v: v.effective_from or v.voted_on or v.drafted_on or datetime.date.max)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        on = self.today()
        status, version = self.rule_status(on)
        versions = self.versions_in_order()
        context.update(on=on, rule_status=status, version=version, is_template=self.is_template,
                       articles=version.articles() if version else [],
                       history=[(v, adoption.version_rule_status(v, versions, on, self.repealed_on)) for v in versions])
        based = version.based_on if version else None
        if based is not None and not self.is_template:
            changes = [c for c in diff_articles(based.articles(), version.articles()) if c.change != "renumbered"]
            context.update(based_on=based, changes=changes, change_summary=summarize(changes))
        return context


class VillageRuleVersion(Orderable, IssuedVersion):
    page = ParentalKey(VillageRulePage, on_delete=models.CASCADE, related_name="versions")
    # A draft not yet voted on has no effective date yet.
    effective_from = models.DateField("生效日期", null=True, blank=True)
    body = StreamField(BodyBlock(), verbose_name="正文", use_json_field=True)
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                 verbose_name="依据的示范文本版本")

    # Adoption record
    consultation_from = models.DateField("征集民意开始", null=True, blank=True)
    consultation_to = models.DateField("征集民意结束", null=True, blank=True)
    drafted_on = models.DateField("拟定草案日期", null=True, blank=True)
    township_reviewed_on = models.DateField("乡镇审核日期", null=True, blank=True)
    township_opinion = models.TextField("乡镇审核意见", blank=True)
    vote_meeting = models.CharField("表决会议", max_length=20, blank=True,
                                    choices=[("村民会议", "村民会议"), ("村民代表会议", "村民代表会议")])
    voted_on = models.DateField("表决日期", null=True, blank=True)
    attendance_expected = models.PositiveIntegerField("应到人数", null=True, blank=True)
    attendance_actual = models.PositiveIntegerField("实到人数", null=True, blank=True)
    votes_for = models.PositiveIntegerField("赞成", null=True, blank=True)
    votes_against = models.PositiveIntegerField("反对", null=True, blank=True)
    votes_abstain = models.PositiveIntegerField("弃权", null=True, blank=True)
    filed_on = models.DateField("备案日期", null=True, blank=True)
    filing_number = models.CharField("备案编号", max_length=60, blank=True)

    panels = IssuedVersion.version_panels + [
        FieldPanel("based_on"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("consultation_from"), FieldPanel("consultation_to"), FieldPanel("drafted_on")]),
            FieldRowPanel([FieldPanel("township_reviewed_on"), FieldPanel("township_opinion")]),
            FieldRowPanel([FieldPanel("vote_meeting"), FieldPanel("voted_on")]),
            FieldRowPanel([FieldPanel("attendance_expected"), FieldPanel("attendance_actual")]),
            FieldRowPanel([FieldPanel("votes_for"), FieldPanel("votes_against"), FieldPanel("votes_abstain")]),
            FieldRowPanel([FieldPanel("filed_on"), FieldPanel("filing_number")]),
        ], heading="制定程序"),
        FieldPanel("body"),
    ]

    class Meta(IssuedVersion.Meta):
        verbose_name = "村规民约版本"
        verbose_name_plural = "村规民约版本"
        ordering = ["sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["page", "effective_from"], name="village_rule_version_unique_start"),
            models.CheckConstraint(
                condition=models.Q(votes_for__isnull=True) | models.Q(attendance_actual__isnull=True)
                | models.Q(votes_for__lte=models.F("attendance_actual")),
                name="village_rule_votes_within_attendance"),
            models.CheckConstraint(
                condition=models.Q(filed_on__isnull=True) | models.Q(voted_on__isnull=False),
                name="village_rule_filed_after_vote"),
        ]

    def __str__(self):
        return f"{self.page.title} · {self.label}" if self.page_id else self.label

    def clean(self):
        super().clean()
        if self.filed_on and not self.effective_from:
            self.effective_from = self.filed_on  # 备案公布 puts the rules in force unless a date is given
        errors = adoption.validate_adoption(self)
        if errors:
            raise ValidationError(errors)

    # Dated versions only: a draft has no start date and no window yet.
    def siblings(self):
        return [v for v in super().siblings() if v.effective_from]

    def adoption_steps(self):
        """The adoption timeline as ``[(step, date or None, detail)]``."""
        votes = ""
        if self.voted_on:
            votes = (f"{self.vote_meeting}，应到{self.attendance_expected or '—'}人，实到{self.attendance_actual or '—'}人；"
                     f"赞成{self.votes_for or 0}，反对{self.votes_against or 0}，弃权{self.votes_abstain or 0}")
        return [
            ("征集民意", self.consultation_from, f"至{cn_date(self.consultation_to)}" if self.consultation_to else ""),
            ("拟定草案", self.drafted_on, ""),
            ("乡镇审核", self.township_reviewed_on, self.township_opinion),
            ("村民表决", self.voted_on, votes),
            ("备案公布", self.filed_on, f"备案编号 {self.filing_number}" if self.filing_number else ""),
        ]


__all__ = ["VillageRuleIndexPage", "VillageRulePage", "VillageRuleVersion", "RULE_STATUSES"]
