"""Word (.docx) → ParsedDocument, reading paragraphs and tables in document order."""

import zipfile

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from .text import ParseError, check, parse_lines


def read_docx(source):
    """``source``: a path or a file-like object. Raises ParseError (Chinese) on anything that is
    not a readable Word document."""
    try:
        if hasattr(source, "seek"):
            source.seek(0)
        document = Document(source)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ParseError("无法读取该文件：请上传 Word 2007 及以上版本的 .docx 文档（不支持 .doc、PDF 或图片）。") from exc
    return list(_blocks(document))


def _blocks(document):
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document).text
        elif tag == "tbl":
            table = Table(child, document)
            rows = []
            for row in table.rows:
                cells, seen = [], set()
                for cell in row.cells:
                    # Merged cells repeat the same object; keep one copy.
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(cell.text)
                rows.append(cells)
            yield ("table", rows)


def parse_docx(source):
    """Parse and check: returns a ParsedDocument with at least one article, else ParseError."""
    return check(parse_lines(read_docx(source)))
