"""Spreadsheet exports write what users typed as text, never as formulas: a title such as
``=HYPERLINK("http://…")`` opened in Excel must not become a live link or a calculation."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def append_row(ws, values):
    """``ws.append(values)``, with every text cell stored as a string (openpyxl would store text that
    starts with "=" as a formula)."""
    ws.append(values)
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
            cell.data_type = "s"
