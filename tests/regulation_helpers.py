"""Shared helpers for the regulation tests (not a test module)."""

import datetime
import io

from core import clock
from policies.regulations.demo_texts import to_stream


def today():
    return clock.today()


def days(n):
    return today() + datetime.timedelta(days=n)


def add_version(page, start, text="条 新版本第一条。\n条 新版本第二条。", label="新版本", publish=True, **extra):
    from policies.models import RegulationVersion

    page.versions.add(RegulationVersion(label=label, effective_from=start, body=to_stream(text), **extra))
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def make_docx(paragraphs, table_after=None, table=None):
    """A real .docx built with python-docx; ``table`` rows are inserted after paragraph index
    ``table_after``."""
    from docx import Document

    document = Document()
    for index, text in enumerate(paragraphs):
        document.add_paragraph(text)
        if table is not None and index == table_after:
            t = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    t.cell(r, c).text = cell
    buf = io.BytesIO()
    document.save(buf)
    buf.seek(0)
    return buf
