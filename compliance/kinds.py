"""Record types and the schema of each type's content (stored as validated JSON).

A schema is a list of ``Field``; ``parse(kind, data, final)`` turns form strings or API JSON
into clean content plus Chinese error messages. Business rules live in ``compliance.rules``."""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

MEETING, SIYI, DISCLOSURE, ACCOUNTS, PETITION, SEAL, LEAVE, DUTY = (
    "meeting", "siyi", "disclosure", "accounts", "petition", "seal", "leave", "duty")
KIND_CHOICES = [
    (MEETING, "会议记录"), (SIYI, "四议两公开"), (DISCLOSURE, "三务公开"), (ACCOUNTS, "清账·联审联签"),
    (PETITION, "群众说事日"), (SEAL, "公章使用登记"), (LEAVE, "请销假"), (DUTY, "值班记录"),
]
KIND_LABELS = dict(KIND_CHOICES)

MEETING_TYPES = ["联席会议", "两委会", "支部委员会", "党员大会", "党小组会", "党课", "主题党日", "组织生活会",
                 "村民会议", "村民代表会议", "其他会议"]
CHANNELS = ["公开栏", "组公告栏", "线上"]
SCOPES = ["党务", "村务", "财务"]
SATISFACTION = ["满意", "基本满意", "不满意"]
VILLAGE_MEETINGS = ["村民会议", "村民代表会议"]


@dataclass
class Field:
    name: str
    label: str
    type: str = "text"  # text, textarea, int, date, choice, lines, rows, money, bool
    required: bool = True  # required before submission (drafts may leave it empty)
    choices: list = field(default_factory=list)
    columns: list = field(default_factory=list)  # for rows: [(name, label, type)]
    help: str = ""
    group: str = ""


def _step(n, title, *, votes=False, form=False, disclosure=False):
    group = f"第{'①②③④⑤⑥'[n - 1]}步 {title}"
    fields = [Field(f"s{n}_date", "日期", "date", group=group)]
    if form:
        fields.append(Field(f"s{n}_form", "会议形式", "choice", choices=VILLAGE_MEETINGS, group=group))
    if disclosure:
        fields.append(Field(f"s{n}_channel", "公开渠道", "choice", choices=CHANNELS, group=group))
    else:
        fields += [Field(f"s{n}_expected", "应到人数", "int", group=group),
                   Field(f"s{n}_actual", "实到人数", "int", group=group)]
    if votes:
        fields.append(Field(f"s{n}_agree", "赞成票", "int", group=group))
    fields.append(Field(f"s{n}_content", "内容", "textarea", group=group))
    return fields


SCHEMAS = {
    MEETING: [
        Field("meeting_type", "会议类型", "choice", choices=MEETING_TYPES),
        Field("chair", "主持人"),
        Field("expected", "应到人数", "int"),
        Field("actual", "实到人数", "int"),
        Field("agenda", "议题", "lines", help="每行一个议题"),
        Field("speakers", "发言顺序", "lines", help="按发言先后每行一人；联席会议书记应最后发言（末位表态）"),
        Field("decisions", "议定事项", "lines", help="每行一项"),
        Field("major", "议题涉及“三重一大”", "bool", required=False),
    ],
    SIYI: [
        Field("matter", "事项名称"),
        Field("major", "属于“三重一大”事项", "bool", required=False),
        *_step(1, "村党组织提议"), *_step(2, "村“两委”会商议"), *_step(3, "党员大会审议", votes=True),
        *_step(4, "村民（代表）会议决议", votes=True, form=True),
        *_step(5, "决议公开", disclosure=True), *_step(6, "实施结果公开", disclosure=True),
    ],
    DISCLOSURE: [
        Field("scope", "公开类别", "choice", choices=SCOPES),
        Field("subject", "公开内容", "textarea"),
        Field("channel", "公开渠道", "choice", choices=CHANNELS),
        Field("posted_on", "张贴（发布）日期", "date"),
        Field("removed_on", "撤下日期", "date", required=False),
    ],
    ACCOUNTS: [
        Field("period", "清账月份", help="如 2026-11"),
        Field("income", "本月收入（元）", "money"),
        Field("spending", "本月支出（元）", "money"),
        Field("largest", "单笔最大支出（元）", "money"),
        Field("signers", "联审联签", "rows", columns=[("role", "签字环节", "text"), ("name", "签字人", "text")],
              help="每行“环节|姓名”，按签字先后：经办人→民主理财小组→书记(主任)→村监委会主任"),
    ],
    PETITION: [
        Field("place", "地点", required=False),
        Field("matters", "群众说事", "rows", columns=[
            ("matter", "事项", "text"), ("answered_by", "答复人", "text"), ("deadline", "办结期限", "date"),
            ("outcome", "办理结果", "text"), ("satisfaction", "满意度", "choice")],
            help="每行“事项|答复人|办结期限|办理结果|满意度(满意/基本满意/不满意)”"),
    ],
    SEAL: [
        Field("entries", "用印登记", "rows", columns=[
            ("date", "日期", "date"), ("purpose", "事由", "text"), ("approver", "审批人", "text"),
            ("handler", "经办人", "text")], help="每行“日期|事由|审批人|经办人”"),
    ],
    LEAVE: [
        Field("person", "请假人"),
        Field("leave_from", "请假开始", "date"),
        Field("leave_to", "请假结束", "date"),
        Field("reason", "事由"),
        Field("approver", "批准人"),
        Field("returned_on", "销假日期", "date", required=False),
    ],
    DUTY: [
        Field("shifts", "值班安排", "rows", columns=[("date", "日期", "date"), ("person", "值班人", "text"),
                                                  ("note", "情况", "text")], help="每行“日期|值班人|情况”"),
    ],
}
ROW_CHOICES = {"satisfaction": SATISFACTION}
SPLIT = re.compile(r"\s*[|｜]\s*")


def schema(kind):
    return SCHEMAS[kind]


def parse_date(value):
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value).strip())


def _scalar(ftype, value, label, choices=()):
    """Returns the clean JSON value or raises ValueError with a Chinese message."""
    if ftype == "int":
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ValueError(f"“{label}”应为整数。") from None
        if number < 0 or number > 1_000_000:
            raise ValueError(f"“{label}”应在 0 到 1000000 之间。")
        return number
    if ftype == "money":
        try:
            amount = Decimal(str(value).strip().replace(",", ""))
        except InvalidOperation:
            raise ValueError(f"“{label}”应为金额，如 1234.50。") from None
        if not amount.is_finite() or amount < 0 or amount > Decimal("1e10"):
            raise ValueError(f"“{label}”应为不小于 0 的金额。")
        return str(amount.quantize(Decimal("0.01")))
    if ftype == "date":
        try:
            day = parse_date(value)
        except ValueError:
            raise ValueError(f"“{label}”应为日期，格式如 2026-11-05。") from None
        if not datetime.date(2000, 1, 1) <= day <= datetime.date(2100, 12, 31):
            raise ValueError(f"“{label}”日期超出范围。")
        return day.isoformat()
    if ftype == "choice":
        value = str(value).strip()
        if value not in choices:
            raise ValueError(f"“{label}”应为：{'、'.join(choices)}。")
        return value
    text = str(value).strip()
    if len(text) > (4000 if ftype == "textarea" else 200):
        raise ValueError(f"“{label}”过长。")
    return text


def _empty(value):
    return value is None or value == "" or value == [] or (isinstance(value, str) and not value.strip())


def parse(kind, data, final):
    """``data``: a mapping of field name → string (form) or JSON value (API). Returns
    ``(content, errors)``; ``errors`` maps field name → Chinese message."""
    if kind not in SCHEMAS:
        return {}, {"kind": "未知的记录类型。"}
    content, errors = {}, {}
    for f in SCHEMAS[kind]:
        value = data.get(f.name)
        try:
            if f.type == "bool":
                content[f.name] = value in (True, "on", "true", "1", 1, "True")
                continue
            if f.type in ("lines", "rows"):
                lines = value if isinstance(value, list) else [
                    line for line in str(value or "").splitlines() if line.strip()]
                if f.type == "lines":
                    content[f.name] = [_scalar("text", line, f.label) for line in lines]
                else:
                    content[f.name] = [_row(f, line, i + 1) for i, line in enumerate(lines)]
                if final and f.required and not content[f.name]:
                    errors[f.name] = f"请填写“{f.label}”。"
                continue
            if _empty(value):
                if final and f.required:
                    errors[f.name] = f"请填写{f.group}的“{f.label}”。" if f.group else f"请填写“{f.label}”。"
                continue
            content[f.name] = _scalar(f.type, value, f.label, f.choices)
        except ValueError as exc:
            errors[f.name] = str(exc)
    return content, errors


def _row(f, line, number):
    if isinstance(line, dict):
        cells = [line.get(name, "") for name, _label, _type in f.columns]
    elif isinstance(line, list):
        cells = line
    else:
        cells = SPLIT.split(str(line).strip())
    if len(cells) != len(f.columns):
        raise ValueError(f"“{f.label}”第{number}行应有{len(f.columns)}项，用“|”分隔："
                         + "|".join(label for _n, label, _t in f.columns) + "。")
    row = {}
    for (name, label, ftype), cell in zip(f.columns, cells, strict=True):
        if _empty(cell):
            raise ValueError(f"“{f.label}”第{number}行缺少“{label}”。")
        row[name] = _scalar(ftype, cell, f"{f.label}第{number}行的{label}", ROW_CHOICES.get(name, ()))
    return row


def to_form_value(f, value):
    """The inverse of parse for one field: the string a form shows."""
    if value is None:
        return ""
    if f.type == "lines":
        return "\n".join(value)
    if f.type == "rows":
        return "\n".join("|".join(str(row.get(n, "")) for n, _l, _t in f.columns) for row in value)
    return value
