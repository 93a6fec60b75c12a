"""Rule checks per record type: plain functions of clean content (see ``kinds.parse``).

``check(kind, content, final, secretary="")`` → ``(errors, flags)``. Errors block saving (on a
draft only the ones that can never become right, e.g. a step dated before the previous one);
flags are recorded on the record for reviewers (e.g. the secretary did not speak last)."""

from decimal import Decimal

from . import kinds as k

NOT_A_BASIS = "，不能作为决议依据。"
SIGN_ORDER = ["经办人", "民主理财小组", "书记(主任)", "村监委会主任"]
TOWNSHIP_SIGNER = "乡镇分管领导"
TOWNSHIP_SIGN_LIMIT = Decimal("50000")  # 单笔支出超过 5 万元须乡镇分管领导加签（示例标准）
SIGN_ALIASES = {"书记": "书记(主任)", "书记（主任）": "书记(主任)", "主任": "书记(主任)",
                "村监委主任": "村监委会主任", "监委会主任": "村监委会主任", "民主理财小组组长": "民主理财小组"}


def _d(value):
    return k.parse_date(value) if value else None


def check_meeting(c, final, secretary=""):
    errors, flags = {}, []
    if "expected" in c and "actual" in c and c["actual"] > c["expected"]:
        errors["actual"] = "实到人数不能多于应到人数。"
    if final and c.get("expected") == 0:
        errors["expected"] = "应到人数应大于 0。"
    if c.get("major"):
        errors["major"] = "“三重一大”事项必须走“四议两公开”程序，请改用“四议两公开”表单提交。"
    if c.get("meeting_type") == "联席会议":
        speakers = c.get("speakers") or []
        last = speakers[-1] if speakers else ""
        if final and not speakers:
            errors["speakers"] = "村务联席会议须记录发言顺序（书记末位表态）。"
        elif speakers and secretary and secretary not in last:
            flags.append(f"末位表态：最后发言的是“{last}”，不是书记{secretary}。")
    if c.get("meeting_type") == "党员大会" and c.get("expected") and c.get("actual", 0) * 2 <= c["expected"]:
        flags.append(f"党员大会实到人数未过半{NOT_A_BASIS}")
    return errors, flags


STEP_NAMES = ["村党组织提议", "村“两委”会商议", "党员大会审议", "村民（代表）会议决议", "决议公开", "实施结果公开"]


def check_siyi(c, final, secretary=""):
    errors, flags = {}, []
    previous, previous_n = None, 0
    for n in range(1, 7):
        day = _d(c.get(f"s{n}_date"))
        if day is None:
            continue
        if previous and day < previous:
            errors[f"s{n}_date"] = (f"第{n}步“{STEP_NAMES[n - 1]}”的日期不能早于第{previous_n}步"
                                    f"“{STEP_NAMES[previous_n - 1]}”（{previous.isoformat()}）。")
        elif previous_n != n - 1:
            errors[f"s{n}_date"] = f"请先完成第{n - 1}步“{STEP_NAMES[n - 2]}”，步骤须按顺序进行。"
        previous, previous_n = day, n
    for n in range(1, 5):
        exp, act = c.get(f"s{n}_expected"), c.get(f"s{n}_actual")
        if exp is not None and act is not None and act > exp:
            errors[f"s{n}_actual"] = f"第{n}步实到人数不能多于应到人数。"
    # A meeting that missed its quorum or its majority happened all the same: it is recorded and
    # flagged (its decision cannot be relied on); only impossible numbers are refused.
    exp, act, agree = c.get("s3_expected"), c.get("s3_actual"), c.get("s3_agree")
    if exp and act is not None and act * 3 < exp * 2:
        flags.append(f"党员大会须有三分之二以上党员到会（应到{exp}人，至少{-(-exp * 2 // 3)}人，实到{act}人）"
                     f"{NOT_A_BASIS}")
    if exp and agree is not None:
        if agree > (act or 0):
            errors["s3_agree"] = "党员大会赞成票不能多于实到人数。"
        elif agree * 2 <= exp:
            flags.append(f"党员大会须经全体党员过半数同意（{exp}人中至少{exp // 2 + 1}人赞成，实际{agree}人）"
                         f"{NOT_A_BASIS}")
    form, exp, act, agree = c.get("s4_form"), c.get("s4_expected"), c.get("s4_actual"), c.get("s4_agree")
    if form and exp and act is not None:
        if form == "村民代表会议" and act * 3 < exp * 2:
            flags.append(f"村民代表会议须有三分之二以上组成人员参加{NOT_A_BASIS}")
        if form == "村民会议" and act * 2 <= exp:
            flags.append(f"村民会议须有本村过半数的十八周岁以上村民参加（或三分之二以上户代表）{NOT_A_BASIS}")
    if form and agree is not None and act is not None:
        if agree > act:
            errors["s4_agree"] = "赞成票不能多于实到人数。"
        elif form == "村民会议" and agree * 2 <= act:
            flags.append(f"村民会议所作决定须经到会人员过半数通过{NOT_A_BASIS}")
        elif form == "村民代表会议" and exp and agree * 2 <= exp:
            flags.append(f"村民代表会议所作决定须经到会人员过半数同意，且应超过全体代表半数{NOT_A_BASIS}")
    if final:
        for f in k.schema(k.SIYI):
            if f.required and f.name not in c and f.name not in errors:
                errors[f.name] = f"请填写{f.group}的“{f.label}”。"
    return errors, flags


def check_disclosure(c, final, secretary=""):
    errors = {}
    posted, removed = _d(c.get("posted_on")), _d(c.get("removed_on"))
    if posted and removed and removed < posted:
        errors["removed_on"] = "撤下日期不能早于张贴日期。"
    return errors, []


def _role(name):
    name = name.strip()
    return SIGN_ALIASES.get(name, name)


def check_accounts(c, final, secretary=""):
    errors, flags = {}, []
    period = c.get("period")
    if period:
        from policies.versioning.schedule import MONTHLY, parse_period

        try:
            if parse_period(period).frequency != MONTHLY:
                raise ValueError
        except ValueError:
            errors["period"] = "清账月份应形如 2026-11。"
    roles = [_role(row["role"]) for row in c.get("signers", [])]
    unknown = [r for r in roles if r not in SIGN_ORDER and r != TOWNSHIP_SIGNER]
    if unknown:
        errors["signers"] = f"未知的签字环节“{unknown[0]}”，应为：{'、'.join(SIGN_ORDER + [TOWNSHIP_SIGNER])}。"
    elif roles:
        village_roles = [r for r in roles if r != TOWNSHIP_SIGNER]
        expected = SIGN_ORDER[:len(village_roles)] if not final else SIGN_ORDER
        if village_roles != expected:
            errors["signers"] = "联审联签须依次为：" + " → ".join(SIGN_ORDER) + "。"
        elif TOWNSHIP_SIGNER in roles and roles[-1] != TOWNSHIP_SIGNER:
            errors["signers"] = "乡镇分管领导应在村监委会主任之后签字。"
    largest = Decimal(c["largest"]) if c.get("largest") else None
    if largest is not None and c.get("spending") and largest > Decimal(c["spending"]):
        errors["largest"] = "单笔最大支出不能大于本月支出合计。"
    if final and largest is not None and largest > TOWNSHIP_SIGN_LIMIT and TOWNSHIP_SIGNER not in roles \
            and "signers" not in errors:
        errors["signers"] = f"单笔支出超过 {TOWNSHIP_SIGN_LIMIT:,.0f} 元，须乡镇分管领导加签。"
    return errors, flags


def check_petition(c, final, occurred_on=None):
    errors, flags = {}, []
    for i, row in enumerate(c.get("matters", []), 1):
        if occurred_on and _d(row["deadline"]) < occurred_on:
            errors["matters"] = f"第{i}件事项的办结期限不能早于说事日。"
        if row["satisfaction"] == "不满意":
            flags.append(f"第{i}件事项群众不满意：{row['matter']}")
    return errors, flags


def check_leave(c, final, secretary=""):
    errors = {}
    start, end, back = _d(c.get("leave_from")), _d(c.get("leave_to")), _d(c.get("returned_on"))
    if start and end and end < start:
        errors["leave_to"] = "请假结束日期不能早于开始日期。"
    if start and back and back < start:
        errors["returned_on"] = "销假日期不能早于请假开始日期。"
    return errors, []


def check(kind, content, final, secretary="", occurred_on=None):
    if kind == k.MEETING:
        return check_meeting(content, final, secretary)
    if kind == k.SIYI:
        return check_siyi(content, final, secretary)
    if kind == k.DISCLOSURE:
        return check_disclosure(content, final)
    if kind == k.ACCOUNTS:
        return check_accounts(content, final)
    if kind == k.PETITION:
        return check_petition(content, final, occurred_on)
    if kind == k.LEAVE:
        return check_leave(content, final)
    return {}, []
