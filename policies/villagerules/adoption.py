"""村规民约: statuses computed from the adoption record, and the adoption rules.

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
    """The filed version in force on ``on`` (latest start not after it), or None. A revision that
    is only drafted or voted never counts: the previous filed rules stay in force until it is filed."""
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
