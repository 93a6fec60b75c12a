"""Village rules (村规民约): the county's model text (示范文本) and each village's own rules, with
the adoption record the law requires (征集民意 → 拟定草案 → 乡镇审核 → 村民会议表决 → 备案公布)."""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from ..blocks import BodyBlock
from .versioning import IssuedVersion

DRAFT, VOTED, FILED, REPEALED = "草案", "已表决待备案", "已备案生效", "已废止"
RULE_STATUSES = [DRAFT, VOTED, FILED, REPEALED]


class VillageRuleIndexPage(Page):
    """Holds the county template(s); the township overview of every village's rules lives here."""

    intro = models.TextField("简介", blank=True)
    max_age_years = models.PositiveSmallIntegerField("提示修订的年限", default=5,
                                                     help_text="村规民约超过此年限未修订时在乡镇视图中提示。")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("max_age_years")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["policies.VillageRulePage"]
    max_count = 1

    class Meta:
        verbose_name = "村规民约"


class VillageRulePage(Page):
    """Under a VillagePage it is that village's rules; under the index page it is the template."""

    repealed_on = models.DateField("废止日期", null=True, blank=True)
    is_demo = models.BooleanField("示例", default=False)

    content_panels = Page.content_panels + [
        FieldPanel("repealed_on"), FieldPanel("is_demo"),
        InlinePanel("versions", label="版本", min_num=1),
    ]
    parent_page_types = ["villages.VillagePage", "policies.VillageRuleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "村规民约（文本）"
        verbose_name_plural = "村规民约（文本）"

    @property
    def is_template(self):
        return isinstance(self.get_parent().specific, VillageRuleIndexPage)

    def today(self):
        return timezone.localdate()


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


__all__ = ["VillageRuleIndexPage", "VillageRulePage", "VillageRuleVersion", "RULE_STATUSES"]
