"""Lines of an official document → title, 文号 and the 章/节/条/款/项 stream.

Rules (how county documents are typed): "第X章 标题" and "第X节 标题" are headings; a line starting
with "第X条" opens an article and the rest of the line is its first 款; each further plain line in
the article is another 款; a line starting with "（一）" is an item (项) of the 款 before it. Lines
before the first heading/article are the preamble (title, 文号, issuer, dates)."""

import datetime
import re
from dataclasses import dataclass, field

from ...versioning.structure import parse_stream

NUM = r"[零〇一二三四五六七八九十百\d]+"
SPACE = r"[\s\u3000]"
CHAPTER_RE = re.compile(rf"^第({NUM})章{SPACE}*(.*)$")
SECTION_RE = re.compile(rf"^第({NUM})节{SPACE}*(.*)$")
ARTICLE_RE = re.compile(rf"^第({NUM})条(?:{SPACE}+|(?=[^款项])|$)(.*)$")
ITEM_RE = re.compile(rf"^[（(]({NUM})[）)]{SPACE}*(.*)$")
DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fa5]{1,12}[〔\[［(（](\d{4})[〕\]］)）]\s*\d+\s*号")
EFFECTIVE_RE = re.compile(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起(?:施行|试行|实施|执行)")


class ParseError(ValueError):
    """A document that cannot become a regulation; the message is shown to the user (Chinese)."""


@dataclass
class ParsedDocument:
    title: str = ""
    doc_number: str = ""
    issuer: str = ""
    effective_from: datetime.date | None = None
    preamble: list[str] = field(default_factory=list)
    stream: list[dict] = field(default_factory=list)

    @property
    def is_trial(self):
        return "试行" in self.title

    def articles(self):
        return parse_stream(self.stream)[1]

    def outline(self):
        return parse_stream(self.stream)[0]


def _clean(line):
    return re.sub(r"[ \t\u3000]+", " ", (line or "").replace("\xa0", " ")).strip()


def parse_lines(lines):
    """``lines``: str or ``("table", rows)`` tuples in document order. Returns ParsedDocument."""
    doc = ParsedDocument()
    article = None
    started = False
    for raw in lines:
        if isinstance(raw, tuple) and raw[0] == "table":
            rows = [[_clean(c) for c in row] for row in raw[1] if any(_clean(c) for c in row)]
            if article is not None and rows:
                table = article["value"].get("table") or {"data": [], "first_row_is_table_header": True,
                                                          "first_col_is_header": False}
                table["data"].extend(rows)
                article["value"]["table"] = table
            continue
        line = _clean(raw)
        if not line:
            continue
        m = CHAPTER_RE.match(line)
        if m and len(m.group(2)) <= 40:
            started, article = True, None
            doc.stream.append({"type": "chapter", "value": {"title": m.group(2).strip()}})
            continue
        m = SECTION_RE.match(line)
        if m and len(m.group(2)) <= 40:
            started, article = True, None
            doc.stream.append({"type": "section", "value": {"title": m.group(2).strip()}})
            continue
        m = ARTICLE_RE.match(line)
        if m:
            started = True
            article = {"type": "article", "value": {"paragraphs": [{"text": m.group(2).strip(), "items": []}],
                                                    "table": None}}
            doc.stream.append(article)
            continue
        if not started:
            doc.preamble.append(line)
            continue
        if article is None:
            # Text between a heading and the first article (rare): keep it as the next article's lead.
            continue
        paragraphs = article["value"]["paragraphs"]
        m = ITEM_RE.match(line)
        if m:
            paragraphs[-1]["items"].append(m.group(2).strip())
        else:
            paragraphs.append({"text": line, "items": []})
    _read_preamble(doc)
    _find_effective(doc)
    return doc


def _read_preamble(doc):
    for line in doc.preamble:
        m = DOC_NUMBER_RE.search(line)
        if m and not doc.doc_number:
            doc.doc_number = m.group(0).replace(" ", "")
            continue
        if not doc.title and not line.startswith(("（", "(")):
            doc.title = line.strip("《》 ")
        elif doc.title and not doc.issuer and re.search(r"(委|部|局|政府|办公室|委员会|组织部)$", line):
            doc.issuer = line


def _find_effective(doc):
    for block in doc.stream:
        if block["type"] != "article":
            continue
        for p in block["value"]["paragraphs"]:
            m = EFFECTIVE_RE.search(p["text"])
            if m:
                try:
                    doc.effective_from = datetime.date(*(int(x) for x in m.groups()))
                except ValueError:
                    pass


def check(doc):
    """Raises ParseError when the document has no usable text."""
    if not doc.preamble and not doc.stream:
        raise ParseError("文档是空的，没有可导入的内容。")
    if not any(b["type"] == "article" for b in doc.stream):
        raise ParseError("没有识别到任何条文：正文应按“第一条”“第二条”……分条书写。")
    return doc
