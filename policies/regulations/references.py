"""Cross-references inside an issued text ("第八条", "本办法第三章", "《习水县村级干部管理办法》第五条",
"第十二条第二款第（三）项") become links.

They are resolved when the text is rendered, against the version being viewed: "第八条" links to
article 8 of that version only if it has one; a reference to another regulation links to that
regulation's text in force on the same day. Nothing is stored, so renumbering never leaves stale
links behind."""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..versioning.numerals import from_chinese

NUM = r"[零〇一二三四五六七八九十百\d]{1,6}"
SELF_WORDS = "办法|规定|条例|意见|实施意见|方案|实施方案|细则|规则|指导意见|清单|制度|通知|工作方案|工作规定"
TARGET = (rf"第(?P<chapter>{NUM})章"
          rf"|第(?P<article>{NUM})条(?:第(?P<para>{NUM})款)?(?:第?[（(](?P<item>{NUM})[）)]项)?")
REF_RE = re.compile(
    rf"(?:《(?P<title>[^《》<>]{{2,80}})》)?(?P<self>本(?:{SELF_WORDS}))?(?P<target>{TARGET})?"
)


def normalize_title(title):
    """Titles are typed with either full-width or ASCII brackets; compare them the same way."""
    return (title or "").replace("（", "(").replace("）", ")").replace("《", "").replace("》", "").strip()


@dataclass
class Ref:
    start: int
    end: int
    text: str
    title: str | None
    chapter: int | None
    article: int | None
    paragraph: int | None
    item: int | None

    @property
    def anchor(self):
        if self.chapter:
            return f"ch-{self.chapter}"
        if not self.article:
            return ""
        anchor = f"art-{self.article}"
        if self.paragraph:
            anchor += f"-p{self.paragraph}"
            if self.item:
                anchor += f"-i{self.item}"
        return anchor


def _num(value):
    if not value:
        return None
    try:
        return from_chinese(value)
    except ValueError:
        return None


def find_references(text):
    """All references in ``text`` (plain or already escaped: the patterns use no HTML characters)."""
    refs = []
    for m in REF_RE.finditer(text or ""):
        if not m.group(0) or not (m.group("title") or m.group("target")):
            continue
        refs.append(Ref(m.start(), m.end(), m.group(0), m.group("title"), _num(m.group("chapter")),
                        _num(m.group("article")), _num(m.group("para")), _num(m.group("item"))))
    return refs


@dataclass
class RefContext:
    """What a reference is resolved against: the viewed version's structure, the day viewed and
    whether the day was asked for explicitly (then links to other regulations keep the date)."""

    articles: list = field(default_factory=list)
    chapters: int = 0
    day: object = None
    dated: bool = False
    page_id: int | None = None
    # Live regulations to resolve 《title》 against (a queryset: read once, on the first such reference).
    regulations: object = None
    _pages: dict = field(default_factory=dict)

    def has_target(self, ref, articles=None, chapters=None):
        articles = self.articles if articles is None else articles
        chapters = self.chapters if chapters is None else chapters
        if ref.chapter:
            return ref.chapter <= chapters
        article = next((a for a in articles if a.number == ref.article), None)
        if article is None:
            return False
        if ref.paragraph:
            if ref.paragraph > len(article.paragraphs):
                return False
            if ref.item and ref.item > len(article.paragraphs[ref.paragraph - 1].items):
                return False
        return True

    def other_url(self, ref):
        """URL of another regulation's text in force on the viewed day, with the anchor when
        that text has the article. None when no such regulation or nothing in force."""
        key = normalize_title(ref.title)
        if key not in self._pages:
            found = None
            for page in self.regulations if self.regulations is not None else []:
                if normalize_title(page.title) == key:
                    found = page
                    break
            self._pages[key] = found
        page = self._pages[key]
        if page is None:
            return None
        if page.id == self.page_id:
            return "#" + ref.anchor if ref.anchor and self.has_target(ref) else None
        version = page.version_on(self.day)
        if version is None:
            return None
        url = page.dated_url(self.day) if self.dated else page.url
        if ref.anchor and (ref.chapter or ref.article):
            _outline, articles = version.outline(), version.articles()
            chapters = len(version.chapters())
            if self.has_target(ref, articles, chapters):
                url += "#" + ref.anchor
        return url

    def url_for(self, ref):
        if ref.title:
            return self.other_url(ref)
        return "#" + ref.anchor if self.has_target(ref) else None


def link_references(text, ctx: RefContext | None):
    """Escapes ``text`` and turns resolvable references into links (safe HTML)."""
    escaped = escape(text or "")
    if ctx is None:
        return mark_safe(escaped)
    out, last = [], 0
    for ref in find_references(escaped):
        url = ctx.url_for(ref)
        if not url:
            continue
        out.append(escaped[last:ref.start])
        out.append(f'<a class="xref" href="{escape(url)}">{ref.text}</a>')
        last = ref.end
    out.append(escaped[last:])
    return mark_safe("".join(out))
