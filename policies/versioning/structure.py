"""The structure of an issued text as plain data: chapters, sections, articles, paragraphs and
items with their labels and anchors. Renderers, the diff, search and the API all read this."""

from dataclasses import dataclass, field

from .numerals import article_label, chapter_label, item_label, paragraph_label, section_label


@dataclass
class Paragraph:
    number: int
    text: str
    items: list[str] = field(default_factory=list)

    @property
    def label(self):
        return paragraph_label(self.number)


@dataclass
class Article:
    number: int
    paragraphs: list[Paragraph]
    chapter: str = ""   # "第一章 总则"
    section: str = ""   # "第二节 议事程序"
    table: list[list[str]] | None = None

    @property
    def label(self):
        return article_label(self.number)

    @property
    def anchor(self):
        return f"art-{self.number}"

    def paragraph_anchor(self, p, item=None):
        anchor = f"{self.anchor}-p{p}"
        return f"{anchor}-i{item}" if item else anchor

    @property
    def text(self):
        """Plain text of the whole article, items written with their （一） labels."""
        lines = []
        for p in self.paragraphs:
            lines.append(p.text)
            lines.extend(f"{item_label(i)}{t}" for i, t in enumerate(p.items, 1))
        if self.table:
            lines.extend(" | ".join(cell or "" for cell in row) for row in self.table)
        return "\n".join(line for line in lines if line)


@dataclass
class Heading:
    kind: str  # "chapter" | "section"
    number: int
    title: str

    @property
    def label(self):
        return (chapter_label if self.kind == "chapter" else section_label)(self.number)

    @property
    def full(self):
        return f"{self.label} {self.title}".strip()

    @property
    def anchor(self):
        return f"{'ch' if self.kind == 'chapter' else 'sec'}-{self.number}"


def parse_stream(raw_blocks):
    """Turns the stream's raw data (``[{"type", "value"}, …]``) into headings and articles.

    Returns ``(outline, articles)``; ``outline`` is the reading order of Heading and Article."""
    outline, articles = [], []
    chapter_no = section_no = article_no = 0
    chapter = section = ""
    for block in raw_blocks:
        kind, value = block["type"], block["value"]
        if kind == "chapter":
            chapter_no += 1
            section_no = 0
            heading = Heading("chapter", chapter_no, value.get("title", ""))
            chapter, section = heading.full, ""
            outline.append(heading)
        elif kind == "section":
            section_no += 1
            heading = Heading("section", section_no, value.get("title", ""))
            section = heading.full
            outline.append(heading)
        elif kind == "article":
            article_no += 1
            paragraphs = [
                Paragraph(i, (p.get("text") or "").strip(), [str(x).strip() for x in (p.get("items") or []) if str(x).strip()])
                for i, p in enumerate(_list_values(value.get("paragraphs")), 1)
            ]
            table = value.get("table")
            rows = table.get("data") if isinstance(table, dict) else None
            article = Article(article_no, paragraphs, chapter, section, rows or None)
            outline.append(article)
            articles.append(article)
    return outline, articles


def _list_values(items):
    """ListBlock raw data is either plain values or ``{"type": "item", "value": …}`` dicts."""
    out = []
    for item in items or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            item = item["value"]
        if isinstance(item, dict) and "items" in item:
            item = dict(item, items=_list_values(item["items"]))
        out.append(item)
    return out


def build_stream(chapters_and_articles):
    """The inverse, for importers and the demo: a list of ``("chapter", title)``,
    ``("section", title)`` and ``("article", [(text, [items…]), …])`` tuples → stream data."""
    data = []
    for kind, value in chapters_and_articles:
        if kind in ("chapter", "section"):
            data.append({"type": kind, "value": {"title": value}})
        else:
            paragraphs = [{"text": text, "items": list(items)} for text, items in value]
            data.append({"type": "article", "value": {"paragraphs": paragraphs, "table": None}})
    return data
