"""Geography: the county's townships (乡镇/街道) and villages (村/社区) as a Wagtail page tree.

Other apps hang their content off these pages (village rules, compliance) and contribute
sections to the village page through the ``village_page_sections`` hook, so this app imports
none of them."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from core.roles import FIRST_SECRETARY as FIRST_SECRETARY_ROLE
from core.roles import SUPERVISOR as SUPERVISOR_ROLE
from core.roles import VILLAGE_CADRE as VILLAGE_CADRE_ROLE
from core.sections import collect_sections

SCOPED_ROLES = [SUPERVISOR_ROLE, VILLAGE_CADRE_ROLE, FIRST_SECRETARY_ROLE]

code_validator = RegexValidator(r"^\d{9}(\d{3})?$", "区划代码应为 9 位（乡镇）或 12 位（村）数字。")


class TownshipPage(Page):
    KIND_CHOICES = [("街道", "街道"), ("镇", "镇"), ("乡", "乡")]

    code = models.CharField("区划代码", max_length=9, unique=True, validators=[code_validator])
    kind = models.CharField("类型", max_length=4, choices=KIND_CHOICES)
    is_demo = models.BooleanField("示例数据", default=False)

    content_panels = Page.content_panels + [FieldPanel("code"), FieldPanel("kind"), FieldPanel("is_demo")]

    parent_page_types = ["cms.HomePage"]

    class Meta:
        verbose_name = "乡镇（街道）"
        verbose_name_plural = "乡镇（街道）"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ancestors"] = list(self.get_ancestors().filter(depth__gt=1))
        context["villages"] = VillagePage.objects.child_of(self).live().order_by("code")
        context["sections"] = collect_sections("township_page_sections", request, self)
        return context


class VillagePage(Page):
    KIND_CHOICES = [("村", "行政村"), ("社区", "社区")]

    code = models.CharField("区划代码", max_length=12, unique=True, validators=[code_validator])
    kind = models.CharField("类型", max_length=4, choices=KIND_CHOICES, default="村")
    secretary = models.CharField("党组织书记（一肩挑）", max_length=40, blank=True)
    first_secretary = models.CharField("第一书记", max_length=40, blank=True)
    committee_members = models.TextField("两委成员", blank=True, help_text="每行一人，可写“姓名（职务）”。")
    villager_groups = models.PositiveSmallIntegerField("村民小组数", default=0)
    households = models.PositiveIntegerField("户数", default=0)
    population = models.PositiveIntegerField("人口", default=0)
    councils = models.CharField(
        "群众组织", max_length=200, blank=True, help_text="如：红白理事会、道德评议会、禁赌禁毒会"
    )
    is_demo = models.BooleanField("示例数据", default=False)

    content_panels = Page.content_panels + [
        FieldPanel("code"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("secretary"),
                FieldPanel("first_secretary"),
                FieldPanel("committee_members"),
                FieldPanel("villager_groups"),
                FieldPanel("households"),
                FieldPanel("population"),
                FieldPanel("councils"),
            ],
            heading="村情概况",
        ),
        FieldPanel("is_demo"),
    ]

    parent_page_types = ["villages.TownshipPage"]
    # Children (e.g. the village's 村规民约) declare their own parent_page_types.

    class Meta:
        verbose_name = "村（社区）"
        verbose_name_plural = "村（社区）"

    @property
    def township(self):
        if "_township" in self.__dict__:  # set by attach_townships for bulk reads
            return self.__dict__["_township"]
        return TownshipPage.objects.ancestor_of(self).first()

    def committee_list(self):
        return [line.strip() for line in self.committee_members.splitlines() if line.strip()]

    def _routed_ancestors(self):
        """The ancestors below the root that HomePage.route fetched, if complete (else None)."""
        ancestors = getattr(self, "routed_ancestors", None)
        if not ancestors or [a.depth for a in ancestors] != list(range(2, self.depth)):
            return None
        return ancestors

    def get_view_restrictions(self):
        """Wagtail's check in one query instead of two when the route already loaded the ancestors:
        restrictions on this page, its routed ancestors or the tree root. With any alias in the chain
        (restrictions then belong to the alias's source) Wagtail's own lookup runs unchanged."""
        from django.db.models import Q
        from wagtail.models import PageViewRestriction

        ancestors = self._routed_ancestors()
        if ancestors is None or any(page.alias_of_id for page in [self, *ancestors]):
            return super().get_view_restrictions()
        ids = [self.pk, *(page.pk for page in ancestors)]
        return PageViewRestriction.objects.filter(Q(page_id__in=ids) | Q(page__path=self.path[:self.steplen]))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # HomePage.route already fetched the ancestors below the root; otherwise (preview, direct
        # serve) one query serves both the breadcrumbs and the township line.
        ancestors = self._routed_ancestors() or list(self.get_ancestors().filter(depth__gt=1))
        context["ancestors"] = ancestors
        context["township"] = ancestors[-1]
        context["sections"] = collect_sections("village_page_sections", request, self)
        return context


class CadreAssignment(models.Model):
    """Scopes a user's role to one township (乡镇督导) or one village (村干部, 第一书记)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments",
                             verbose_name="用户")
    township = models.ForeignKey(TownshipPage, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="assignments", verbose_name="乡镇")
    village = models.ForeignKey(VillagePage, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="assignments", verbose_name="村")
    role = models.CharField("角色", max_length=20, blank=True, choices=[(r, r) for r in SCOPED_ROLES],
                            help_text="保存时用户会加入该角色的用户组。")
    # Open ends (empty) mean "since always" / "until further notice"; outside its dates an
    # assignment grants nothing (villages.access), so history is kept instead of deleting rows.
    valid_from = models.DateField("起始日期", null=True, blank=True)
    valid_to = models.DateField("截止日期", null=True, blank=True)

    class Meta:
        verbose_name = "岗位范围"
        verbose_name_plural = "岗位范围"
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(township__isnull=False, village__isnull=True)
                           | models.Q(township__isnull=True, village__isnull=False)),
                name="assignment_exactly_one_scope",
            ),
            models.UniqueConstraint(fields=["user", "township"], name="assignment_unique_township"),
            models.UniqueConstraint(fields=["user", "village"], name="assignment_unique_village"),
            models.CheckConstraint(
                condition=(models.Q(valid_from__isnull=True) | models.Q(valid_to__isnull=True)
                           | models.Q(valid_to__gte=models.F("valid_from"))),
                name="assignment_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.village or self.township}"

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if not self.user_id:
            errors["user"] = "请选择用户。"
        if bool(self.township_id) == bool(self.village_id):
            errors["village"] = "请在“乡镇”和“村”中选且只选一项：乡镇督导选乡镇，村干部和第一书记选村。"
        elif self.role == SUPERVISOR_ROLE and not self.township_id:
            errors["township"] = "乡镇督导的岗位范围应为乡镇。"
        elif self.role in (VILLAGE_CADRE_ROLE, FIRST_SECRETARY_ROLE) and not self.village_id:
            errors["village"] = f"{self.role}的岗位范围应为村（社区）。"
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = "截止日期不能早于起始日期。"
        if errors:
            raise ValidationError(errors)


def attach_townships(villages):
    """Gives each village its ``township`` from one query for all of them (a full search reindex
    reads tens of thousands of records; the property alone costs a query per village). The same
    answer as the property: the shallowest TownshipPage above the village."""
    by_path = {t.path: t for t in TownshipPage.objects.all()}
    step = VillagePage.steplen
    for village in villages:
        path = village.path or ""
        village.__dict__["_township"] = next(
            (by_path[path[:end]] for end in range(step, len(path), step) if path[:end] in by_path), None)
    return villages
