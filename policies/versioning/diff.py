"""Article-by-article comparison of two versions of an issued text.

Articles are matched by content, not by number: inserting one article renumbers all later ones,
and a diff by number would then call every later article "modified". We first align the two
sequences of article texts with SequenceMatcher (exact matches keep their order), then pair the
leftovers inside each unmatched stretch by similarity (≥ 0.6)."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .structure import Article

SIMILARITY = 0.6

ADDED, REMOVED, MODIFIED, RENUMBERED = "added", "removed", "modified", "renumbered"
CHANGE_LABELS = {ADDED: "新增", REMOVED: "删除", MODIFIED: "修改", RENUMBERED: "条序调整"}


@dataclass
class ArticleChange:
    change: str                 # "added" | "removed" | "modified" | "renumbered"
    from_label: str | None      # "第十二条" in the old version, None when added
    to_label: str | None        # label in the new version, None when removed
    before: str                 # plain text ("" when added)
    after: str                  # plain text ("" when removed)
    from_anchor: str | None = None
    to_anchor: str | None = None

    @property
    def change_label(self):
        return CHANGE_LABELS.get(self.change, self.change)

    @property
    def before_html(self):
        return _marked(self.before, self.after, side="before") if self.change == MODIFIED else _plain(self.before)

    @property
    def after_html(self):
        return _marked(self.before, self.after, side="after") if self.change == MODIFIED else _plain(self.after)

    def as_dict(self):
        return {"change": self.change, "from_label": self.from_label, "to_label": self.to_label,
                "before": self.before, "after": self.after}


def _plain(text):
    return mark_safe(escape(text).replace("\n", "<br>"))


# Numbers and Latin words are compared whole: "2021"→"2023" reads as one changed year, not as
# a struck-out "1" beside an inserted "3". Chinese is compared character by character.
TOKEN = re.compile(r"\d+(?:\.\d+)?|[A-Za-z]+|\s+|.", re.S)


def _tokens(text):
    return TOKEN.findall(text)


def _marked(before, after, side):
    """Marks per token: <del> for text only in ``before``, <ins> for text only in ``after``.
    Each side shows only its own marks so the two columns read as texts."""
    out = []
    old, new = _tokens(before), _tokens(after)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape("".join(old[a1:a2])))
            continue
        if side == "before" and a2 > a1:
            out.append(f"<del>{escape(''.join(old[a1:a2]))}</del>")
        if side == "after" and b2 > b1:
            out.append(f"<ins>{escape(''.join(new[b1:b2]))}</ins>")
    return mark_safe("".join(out).replace("\n", "<br>"))


def similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _pair_block(old, new):
    """Pair articles of two unmatched stretches greedily by best similarity (≥ SIMILARITY).
    Returns ``(pairs, unmatched_old, unmatched_new)`` with indexes into the stretches."""
    scores = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            s = similarity(a.text, b.text)
            if s >= SIMILARITY:
                scores.append((s, -abs(i - j), i, j))
    scores.sort(reverse=True)
    used_old, used_new, pairs = set(), set(), []
    for _s, _d, i, j in scores:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((i, j))
    return pairs, [i for i in range(len(old)) if i not in used_old], [j for j in range(len(new)) if j not in used_new]


def diff_articles(old: list[Article], new: list[Article]) -> list[ArticleChange]:
    """Changes from ``old`` to ``new`` in the reading order of the new text (removed articles
    appear where they stood). Unchanged articles at the same label are omitted."""
    old_texts = [a.text for a in old]
    new_texts = [a.text for a in new]
    matcher = SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    pairs = []          # (old_index, new_index)
    lone_old, lone_new = [], []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pairs.extend(zip(range(a1, a2), range(b1, b2), strict=True))
            continue
        block_pairs, rest_old, rest_new = _pair_block(old[a1:a2], new[b1:b2])
        pairs.extend((a1 + i, b1 + j) for i, j in block_pairs)
        lone_old.extend(a1 + i for i in rest_old)
        lone_new.extend(b1 + j for j in rest_new)
    # A second pass across stretches catches articles moved far away (e.g. to another chapter).
    if lone_old and lone_new:
        block_pairs, rest_old, rest_new = _pair_block([old[i] for i in lone_old], [new[j] for j in lone_new])
        pairs.extend((lone_old[i], lone_new[j]) for i, j in block_pairs)
        lone_old = [lone_old[i] for i in rest_old]
        lone_new = [lone_new[j] for j in rest_new]

    entries = []  # (sort key, ArticleChange)
    for i, j in pairs:
        a, b = old[i], new[j]
        if a.text == b.text:
            if a.number == b.number:
                continue
            kind = RENUMBERED
        else:
            kind = MODIFIED
        entries.append(((j, 0), ArticleChange(kind, a.label, b.label, a.text, b.text, a.anchor, b.anchor)))
    for j in lone_new:
        b = new[j]
        entries.append(((j, 0), ArticleChange(ADDED, None, b.label, "", b.text, None, b.anchor)))
    for i in lone_old:
        a = old[i]
        # Place a removed article just before the new article that follows its old neighbour.
        following = [nj for oi, nj in pairs if oi > i]
        position = min(following) if following else len(new)
        entries.append(((position, -1), ArticleChange(REMOVED, a.label, None, a.text, "", a.anchor, None)))
    entries.sort(key=lambda e: e[0])
    return [change for _key, change in entries]


def summarize(changes):
    """Counts per kind, for the compare page heading: {"added": 1, …}."""
    counts = {ADDED: 0, REMOVED: 0, MODIFIED: 0, RENUMBERED: 0}
    for c in changes:
        counts[c.change] += 1
    return counts
