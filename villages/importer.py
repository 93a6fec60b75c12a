"""Reading and checking a county's table of townships and villages (.xlsx or .csv).

Pure: no database. ``parse`` turns a file into a ``Plan`` (townships, villages) and a list of
Chinese error messages naming the row and the column; the caller writes nothing unless the list is
empty. ``villages.county.apply`` then creates the pages; the command and the admin view are thin."""

import csv
import io
from dataclasses import dataclass, field

COLUMNS = ["乡镇代码", "乡镇名称", "村代码", "村名称", "类型"]
VILLAGE_KINDS = ("村", "社区")
TOWNSHIP_SUFFIXES = ("街道", "镇", "乡")  # TownshipPage.kind, read off the name's ending


@dataclass(frozen=True)
class TownshipSpec:
    code: str
    name: str  # full name as in the table, e.g. 土城镇
    kind: str  # 街道 / 镇 / 乡
    row: int


@dataclass(frozen=True)
class VillageSpec:
    code: str
    name: str
    kind: str  # 村 / 社区
    township_code: str
    row: int


@dataclass
class Plan:
    townships: list = field(default_factory=list)
    villages: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


class TableError(Exception):
    """The file as a whole cannot be read (not a spreadsheet, no header, empty)."""


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel stores codes typed as numbers as floats
    return str(value).strip()


def read_rows(data, filename):
    """``[(row_number, [cells…]), …]`` including the header row (row 1)."""
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
            rows = [[_cell(c) for c in row] for row in sheet.iter_rows(values_only=True)]
        except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
            raise TableError("无法读取该 Excel 文件：文件已损坏或不是 .xlsx 表格。") from exc
    elif name.endswith(".csv"):
        text = None
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        if text is None or "\x00" in text:
            raise TableError("无法读取该 CSV 文件：请另存为 UTF-8 编码的 CSV。")
        rows = [[_cell(c) for c in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise TableError("只支持 .xlsx 或 .csv 表格文件。")
    return [(n, row) for n, row in enumerate(rows, start=1) if any(row)]


def township_kind(name):
    for suffix in TOWNSHIP_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return None


def parse(data, filename, county_code):
    """Check every row and collect every error (not only the first) so the user fixes all at once."""
    plan = Plan()
    try:
        rows = read_rows(data, filename)
    except TableError as exc:
        plan.errors.append(str(exc))
        return plan
    if not rows:
        plan.errors.append("文件是空的：第 1 行应为表头 " + "、".join(COLUMNS) + "。")
        return plan
    header_row, header = rows[0]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        plan.errors.append(f"第 {header_row} 行（表头）缺少列：" + "、".join(f"“{c}”" for c in missing) + "。")
        return plan
    index = {c: header.index(c) for c in COLUMNS}
    body = rows[1:]
    if not body:
        plan.errors.append("文件中没有任何乡镇或村（社区）数据行。")
        return plan
    townships, villages = {}, {}
    for number, cells in body:
        values = {c: cells[i] if i < len(cells) else "" for c, i in index.items()}
        _check_row(plan, number, values, county_code, townships, villages)
    plan.townships = list(townships.values())
    plan.villages = list(villages.values())
    return plan


def _check_row(plan, number, v, county_code, townships, villages):
    def error(column, message):
        plan.errors.append(f"第 {number} 行“{column}”：{message}")

    t_code, t_name = v["乡镇代码"], v["乡镇名称"]
    t_ok = True
    if not (len(t_code) == 9 and t_code.isdigit()):
        error("乡镇代码", f"“{t_code}”应为 9 位数字。")
        t_ok = False
    elif not t_code.startswith(county_code):
        error("乡镇代码", f"“{t_code}”不在本县（{county_code}）之下，应以 {county_code} 开头。")
        t_ok = False
    kind = township_kind(t_name)
    if not t_name:
        error("乡镇名称", "不能为空。")
        t_ok = False
    elif kind is None:
        error("乡镇名称", f"“{t_name}”应以“镇”“乡”或“街道”结尾。")
        t_ok = False
    if t_ok:
        known = townships.get(t_code)
        if known is not None and known.name != t_name:
            error("乡镇名称", f"乡镇代码 {t_code} 在第 {known.row} 行名为“{known.name}”，此处为“{t_name}”。")
        same_name = next((t for t in townships.values() if t.name == t_name and t.code != t_code), None)
        if same_name is not None:
            error("乡镇代码", f"“{t_name}”在第 {same_name.row} 行的代码是 {same_name.code}，此处为 {t_code}。")
        if known is None and same_name is None:
            townships[t_code] = TownshipSpec(t_code, t_name, kind, number)

    code, name, vkind = v["村代码"], v["村名称"], v["类型"]
    if not (code or name or vkind):
        return  # a township without villages (yet)
    if not (len(code) == 12 and code.isdigit()):
        error("村代码", f"“{code}”应为 12 位数字。")
    elif not code.startswith(t_code):
        error("村代码", f"“{code}”不在乡镇 {t_code} 之下，应以该乡镇代码开头。")
    elif code in villages:
        error("村代码", f"“{code}”与第 {villages[code].row} 行重复。")
    elif name and vkind in VILLAGE_KINDS and t_ok:
        villages[code] = VillageSpec(code, name, vkind, t_code, number)
    if not name:
        error("村名称", "不能为空。")
    if vkind not in VILLAGE_KINDS:
        error("类型", f"“{vkind}”应为“村”或“社区”。")


def template_xlsx(county_code="520330"):
    """The downloadable template: the header and two example rows."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "村（社区）"
    sheet.append(COLUMNS)
    sheet.append([f"{county_code}101", "示例镇", f"{county_code}101201", "示例村", "村"])
    sheet.append([f"{county_code}001", "示例街道", f"{county_code}001001", "示例社区", "社区"])
    for column, width in zip("ABCDE", (14, 14, 18, 16, 8), strict=True):
        sheet.column_dimensions[column].width = width
        for cell in sheet[column]:
            cell.number_format = "@"  # codes stay text, never 5.2033E+11
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_csv(townships, villages):
    """The same table as CSV text (the demo feeds its generated geography through ``parse``)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    by_township = {}
    for v in villages:
        by_township.setdefault(v[0], []).append(v)
    for t_code, t_name in townships:
        for _t, code, name, kind in by_township.get(t_code, []):
            writer.writerow([t_code, t_name, code, name, kind])
        if t_code not in by_township:
            writer.writerow([t_code, t_name, "", "", ""])
    return out.getvalue()
