"""The supervisor's view of village rules: the county template in force, and one row per village
with the flags a township should act on (nothing filed, a voted text awaiting 备案, an old text)."""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Substr

from core.templatetags.rulebook import cn_date
from villages.models import VillagePage

from ..versioning import status as status_rules
from .adoption import REPEALED, age_years, effective_start, in_force, pending, rule_status
from .models import VillageRuleIndexPage, VillageRulePage, VillageRuleVersion


def template_current(on):
    """The county template (a VillageRulePage directly under the index) and its version in force."""
    index = VillageRuleIndexPage.objects.live().first()
    if index is None:
        return None, None, None
    template = VillageRulePage.objects.child_of(index).live().order_by("path").first()
    if template is None:
        return index, None, None
    return index, template, template_in_force(template.versions.all(), on)


def template_in_force(versions, on):
    """The template's issued version in force on ``on`` among ``versions`` (only dated ones count)."""
    return status_rules.version_in_force([v for v in versions if v.effective_from], on)


def village_and_template_rules(village):
    """``(rules page, its versions, template versions, max_age_years)`` for one village page.

    One query in the usual case whatever the number of versions: every version of the village's
    rules and of the county template (recognised by its live index parent), each with its page and
    ``based_on``, the index's setting riding along as a subquery. A second query only when the
    village has no versioned rules (to tell "no page" from "a page without versions"). Nothing is
    kept beyond the call, so statuses are never stale."""
    indexes = VillageRuleIndexPage.objects.live()
    parent_path = Substr(OuterRef("page__path"), 1, (OuterRef("page__depth") - 1) * VillageRulePage.steplen)
    rows = (VillageRuleVersion.objects.filter(page__live=True)
            .filter(Q(page__path__startswith=village.path, page__depth=village.depth + 1)
                    | Exists(indexes.filter(path=parent_path)))
            .annotate(index_max_age=Subquery(indexes.values("max_age_years")[:1]))
            .select_related("page", "based_on").order_by("page__path", "sort_order"))
    rule, versions, template_versions, template_path = None, [], [], None
    for v in rows:
        if v.page.path.startswith(village.path):
            rule = rule or v.page
            versions.append(v)
        elif template_path in (None, v.page.path):  # the first template in tree order, as template_current
            template_path = v.page.path
            template_versions.append(v)
    max_age = next((v.index_max_age or 0 for v in [*versions, *template_versions]), 0)
    if rule is None:
        rule = VillageRulePage.objects.child_of(village).live().first()
    return rule, versions, template_versions, max_age


def village_rule_row(village, page, on, template_version, max_age, versions=None):
    """One line of the township overview (``versions``: the page's versions when already fetched)."""
    row = {"village": village, "page": page, "status": None, "version": None, "flags": []}
    if page is None:
        row["flags"].append("尚无村规民约")
        return row
    versions = list(page.versions.all()) if versions is None else list(versions)
    row["status"], row["version"] = rule_status(versions, on, page.repealed_on)
    current = in_force(versions, on, page.repealed_on)
    if current is not None and template_version is not None:
        based = current.based_on
        if based is None or (based.pk != template_version.pk and based.effective_from
                             and based.effective_from < template_version.effective_from):
            row["flags"].append(f"示范文本已于{cn_date(template_version.effective_from)}修订，本村尚未重新修订备案")
    waiting = pending(versions, on)
    # Nothing in force is what a supervisor must act on first: file a voted text, or chase the draft.
    if current is None and row["status"] != REPEALED:
        if waiting is not None and waiting.voted_on and waiting.voted_on <= on:
            row["flags"].append(f"已于{cn_date(waiting.voted_on)}表决通过，待乡镇备案")
        else:
            row["flags"].append("尚无备案生效的村规民约")
    if current is not None and waiting is not None:
        row["flags"].append(f"修订稿“{waiting.label}”{'已表决，待备案' if waiting.voted_on else '尚在草案阶段'}")
    if current is not None and max_age and age_years(effective_start(current), on) >= max_age:
        row["flags"].append(f"已施行{age_years(effective_start(current), on)}年，超过{max_age}年未修订")
    return row


def township_overview(township, on):
    """Rows for every village of a township, with the flags a supervisor should act on."""
    index, _template, template_version = template_current(on)
    max_age = index.max_age_years if index else 0
    villages = list(VillagePage.objects.child_of(township).live().order_by("code"))
    pages = {}
    for page in VillageRulePage.objects.live().descendant_of(township).prefetch_related("versions__based_on"):
        # The parent's path is the page's path minus one tree step: no query per village.
        pages.setdefault(page.path[:-page.steplen], page)
    rows = []
    for village in villages:
        rows.append(village_rule_row(village, pages.get(village.path), on, template_version, max_age))
    return rows
