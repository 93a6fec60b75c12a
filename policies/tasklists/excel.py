"""Task lists as an Excel sheet with the columns townships pass around (openpyxl)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from core.spreadsheet import append_row

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = [("编码", 11), ("事项", 22), ("类别", 12), ("责任主体", 14), ("频次", 8), ("期限", 16), ("依据", 30),
           ("步骤", 50), ("佐证", 28), ("公开要求", 26), ("监督主体", 14), ("风险点", 24)]


def item_row(item):
    return [item.code, item.name, item.category, item.responsible, item.frequency_label, item.deadline,
            item.basis_text, item.steps_text, item.evidence, item.disclosure, item.supervisor, item.risks]


def tasklist_workbook(page, version, on):
    """Bytes of an .xlsx: title row, source row, header, one row per item; header frozen."""
    wb = Workbook()
    ws = wb.active
    ws.title = (page.list_code or "清单")[:31]
    thin = Side(style="thin", color="888888")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    append_row(ws, [page.title + ("（示例）" if page.is_demo else "")])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    ws["A1"].font = Font(bold=True, size=14)
    source = f"{page.issuer}"
    if version is not None:
        source += f" · {version.label}" + (f" · {version.doc_number}" if version.doc_number else "")
        source += f" · {version.effective_from:%Y-%m-%d} 起施行"
    append_row(ws, [f"{source} · 以 {on:%Y-%m-%d} 施行的版本为准"])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(COLUMNS))
    append_row(ws, [name for name, _w in COLUMNS])
    for col, (_name, width) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=3, column=col)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
        cell.border = border
        ws.column_dimensions[get_column_letter(col)].width = width
    for item in page.items_of(version) if version is not None else []:
        append_row(ws, item_row(item))
        for cell in ws[ws.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = border
    ws.freeze_panes = "A4"
    ws.auto_filter.ref = f"A3:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 3)}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
