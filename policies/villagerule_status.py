"""村规民约: statuses computed from the adoption record, the adoption rules, the township overview.

Statuses follow the procedure (征集民意 → 拟定草案 → 乡镇审核 → 村民会议表决 → 备案公布):
草案 until voted, 已表决待备案 until filed with the township, 已备案生效 once filed and in
effect, 已修订 when a later filed version took over, 已废止 once the page is repealed."""

import datetime

DRAFT, VOTED, FILED, REPEALED = "草案", "已表决待备案", "已备案生效", "已废止"
SUPERSEDED = "已修订"
MEETINGS = {"村民会议", "村民代表会议"}


def is_filed(version, on):
    return bool(version.filed_on and version.filed_on <= on and version.voted_on)


def effective_start(version):
    return version.effective_from or version.filed_on


def version_rule_status(version, versions, on, repealed_on=None):
    """The status of one version on ``on`` among all versions of the same village's rules."""
    if repealed_on and repealed_on <= on:
        return REPEALED
    if not version.voted_on or version.voted_on > on:
        return DRAFT
    if not is_filed(version, on):
        return VOTED
    start = effective_start(version)
    later = [v for v in versions if v is not version and is_filed(v, on) and effective_start(v)
             and effective_start(v) > start and effective_start(v) <= on]
    return SUPERSEDED if later else FILED


def in_force(versions, on, repealed_on=None):
    """The filed version in force on ``on`` (latest start not after it), or None."""
    if repealed_on and repealed_on <= on:
        return None
    filed = [v for v in versions if is_filed(v, on) and effective_start(v) and effective_start(v) <= on]
    return max(filed, key=effective_start) if filed else None


def pending(versions, on):
    """The newest version not yet filed (a draft or a voted text awaiting 备案), or None."""
    open_ = [v for v in versions if not is_filed(v, on)]
    return max(open_, key=lambda v: (v.voted_on or v.drafted_on or datetime.date.min, v.pk or 0)) if open_ else None


def rule_status(versions, on, repealed_on=None):
    """``(status, version shown)`` for a village's rules as a whole."""
    versions = list(versions)
    if repealed_on and repealed_on <= on:
        return REPEALED, in_force(versions, repealed_on - datetime.timedelta(days=1))
    current = in_force(versions, on)
    if current is not None:
        return FILED, current
    waiting = pending(versions, on)
    if waiting is None:
        return DRAFT, None
    return (VOTED if waiting.voted_on and waiting.voted_on <= on else DRAFT), waiting


def _after(errors, later, earlier, later_label, earlier_label):
    if later and earlier and later < earlier:
        errors.append(f"{later_label}（{later}）不能早于{earlier_label}（{earlier}）。")


def validate_adoption(v):
    """Chinese messages for an inconsistent adoption record (empty list when fine)."""
    errors = []
    _after(errors, v.consultation_to, v.consultation_from, "征集民意结束日期", "开始日期")
    _after(errors, v.drafted_on, v.consultation_from, "拟定草案日期", "征集民意开始日期")
    _after(errors, v.township_reviewed_on, v.drafted_on, "乡镇审核日期", "拟定草案日期")
    _after(errors, v.voted_on, v.township_reviewed_on, "表决日期", "乡镇审核日期")
    _after(errors, v.filed_on, v.voted_on, "备案日期", "表决日期")
    if v.voted_on:
        if not v.township_reviewed_on:
            errors.append("村规民约草案须先经乡镇审核，才能提交表决：请填写乡镇审核日期。")
        if v.vote_meeting not in MEETINGS:
            errors.append("请选择表决会议（村民会议或村民代表会议）。")
        if v.attendance_expected is None or v.attendance_actual is None or v.votes_for is None:
            errors.append("已表决的须填写应到人数、实到人数和赞成票数。")
    expected, actual, yes = v.attendance_expected, v.attendance_actual, v.votes_for
    if expected is not None and actual is not None and actual > expected:
        errors.append(f"实到人数（{actual}）不能多于应到人数（{expected}）。")
    if actual is not None and yes is not None and yes > actual:
        errors.append(f"赞成票数（{yes}）不能多于实到人数（{actual}）。")
    counted = [n for n in (yes, v.votes_against, v.votes_abstain) if n is not None]
    if actual is not None and len(counted) > 1 and sum(counted) > actual:
        errors.append(f"赞成、反对、弃权合计（{sum(counted)}）超过实到人数（{actual}）。")
    if v.voted_on and expected and actual is not None:
        if v.vote_meeting == "村民会议" and actual * 2 <= expected:
            errors.append(f"村民会议须有本村十八周岁以上村民过半数参加（应到{expected}人，实到{actual}人），"
                          "未达法定人数，表决无效。")
        if v.vote_meeting == "村民代表会议" and actual * 3 < expected * 2:
            errors.append(f"村民代表会议须有三分之二以上的组成人员参加（应到{expected}人，实到{actual}人），"
                          "未达法定人数，表决无效。")
        if yes is not None and actual and yes * 2 <= actual:
            errors.append(f"赞成票（{yes}）未超过到会人数（{actual}）的半数，村规民约未获通过。")
    if v.filed_on:
        if not v.voted_on:
            errors.append("未经村民会议或村民代表会议表决的村规民约不能备案。")
        if not v.filing_number:
            errors.append("备案时请填写备案编号。")
    if v.effective_from and v.voted_on and v.effective_from < v.voted_on:
        errors.append("生效日期不能早于表决日期。")
    return errors


def age_years(start, on):
    years = on.year - start.year - ((on.month, on.day) < (start.month, start.day))
    return max(years, 0)


def template_current(on):
    """The county template (a VillageRulePage directly under the index) and its version in force."""
    from .models import VillageRuleIndexPage, VillageRulePage

    index = VillageRuleIndexPage.objects.live().first()
    if index is None:
        return None, None, None
    template = VillageRulePage.objects.child_of(index).live().order_by("path").first()
    if template is None:
        return index, None, None
    return index, template, template_in_force(template.versions.all(), on)


def template_in_force(versions, on):
    """The template's issued version in force on ``on`` among ``versions`` (only dated ones count)."""
    from . import status as status_rules

    return status_rules.version_in_force([v for v in versions if v.effective_from], on)


def village_and_template_rules(village):
    """``(rules page, its versions, template versions, max_age_years)`` for one village page.

    One query in the usual case whatever the number of versions: every version of the village's
    rules and of the county template (recognised by its live index parent), each with its page and
    ``based_on``, the index's setting riding along as a subquery. A second query only when the
    village has no versioned rules (to tell "no page" from "a page without versions"). Nothing is
    kept beyond the call, so statuses are never stale."""
    from django.db.models import Exists, OuterRef, Q, Subquery
    from django.db.models.functions import Substr

    from .models import VillageRuleIndexPage, VillageRulePage, VillageRuleVersion

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
    from core.templatetags.rulebook import cn_date

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
    from villages.models import VillagePage

    from .models import VillageRulePage

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
