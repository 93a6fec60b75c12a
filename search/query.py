"""The user's query → a tree of plain tokens. Engines build their own syntax from these tokens only;
nothing the user typed ever reaches an engine as syntax, so quotes, ``*``, ``NEAR(``, ``AND`` or SQL
fragments are just text (or dropped).

Grammar: ``"…"`` (or “…”) is one exact phrase that must match; ``-词`` excludes. Everything else is
read as a question: split into words (jieba, with the synonym list's terms kept whole), question and
function words dropped (怎么, 多久, 吗, 的 …), punctuation inside a word ignored, traditional characters
folded. Each word is an optional clause: a unit matches when it has at least one of them (a word
of two or more characters when there is one) and ranks by how many it has — all of them first, then
the best coverage. A Chinese word of ≥2 characters matches as a phrase of consecutive bigrams (any
substring is found); a single character matches the unigram field and only adds to the ranking."""

import re
from dataclasses import dataclass, field

from . import tokenize as tk
from .stopwords import words_of

MAX_QUERY_CHARS = 200
SINGLE_CHAR_WEIGHT = 0.25
MAX_TERMS = 12
MAX_TOKENS = 64
_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "＂": '"'})
_TERM_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_CJK_SPACE_RE = re.compile(rf"(?<=[{tk._CJK}])\s+(?=[{tk._CJK}])")
_OPERATOR_WORDS = {"and", "or", "not", "near"}  # the default is AND; operators are not syntax


@dataclass
class Piece:
    """``phrase``: consecutive tokens in the bigram fields; ``char``: one character (unigram field)."""

    kind: str
    tokens: list[str]
    pattern: str  # regex for highlighting in the original text

    @property
    def text(self):
        return " ".join(self.tokens)

    @property
    def raw(self):
        """The literal the piece stands for ("联席会议" from its bigrams, "shyk 02" for words)."""
        if self.kind == "phrase" and self.tokens and tk.is_cjk(self.tokens[0]):
            return self.tokens[0] + "".join(t[1:] for t in self.tokens[1:])
        return " ".join(self.tokens)


@dataclass
class Clause:
    """A term: any one of ``alternatives`` (the term or a synonym), each an AND of pieces.
    ``required``: a quoted phrase, which every result must contain. Otherwise the clause is optional
    and adds ``weight`` to the coverage that ranks results (a single character weighs less)."""

    term: str
    alternatives: list[list[Piece]]
    negated: bool = False
    required: bool = False
    weight: float = 1.0

    @property
    def strong(self):
        return self.weight >= 1.0


@dataclass
class ParsedQuery:
    raw: str
    clauses: list[Clause] = field(default_factory=list)
    phrase: list[Piece] = field(default_factory=list)  # all positive terms as one phrase (bonus)

    @property
    def positive(self):
        return [c for c in self.clauses if not c.negated]

    @property
    def negative(self):
        return [c for c in self.clauses if c.negated]

    @property
    def required(self):
        return [c for c in self.positive if c.required]

    @property
    def optional(self):
        return [c for c in self.positive if not c.required]

    def matching(self):
        """The optional clauses that may make a unit match: the strong ones when there are any
        (a question's single characters only rank, they never bring in the whole index)."""
        optional = self.optional
        return [c for c in optional if c.strong] or optional

    @property
    def is_empty(self):
        return not self.positive

    def pieces(self):
        return [piece for clause in self.positive for alternative in clause.alternatives for piece in alternative]

    def patterns(self):
        return [piece.pattern for piece in self.pieces()]


def pieces_for(text):
    """Pieces of one term. Consecutive latin/digit words form one phrase (``SHYK-02``)."""
    pieces, words = [], []

    def flush_words():
        if words:
            pattern = r"[\W_]{0,3}".join(re.escape(w) for w in words)
            pieces.append(Piece("phrase", list(words[:MAX_TOKENS]), pattern))
            words.clear()

    for segment in tk.segments(tk.bridge(tk.normalize(text))):
        if tk.is_cjk(segment):
            flush_words()
            segment = segment[:MAX_TOKENS]
            kind = "char" if len(segment) == 1 else "phrase"
            # The text may have punctuation or quotes between the characters (“村有、乡管”).
            pattern = r"[^\w\s]{0,4}".join(re.escape(ch) for ch in segment) if len(segment) < 20 else re.escape(segment)
            pieces.append(Piece(kind, tk.segment_grams(segment), pattern))
        else:
            words.append(segment)
    flush_words()
    return pieces


def _join_terms(terms):
    out = ""
    for term in terms:
        if out and not (tk.CJK_RE.match(out[-1]) and tk.CJK_RE.match(term[0])):
            out += " "
        out += term
    return out


def _split(term):
    """A long word's own words ("末位表态" → 末位, 表态): found apart, they still answer it."""
    if len(term) < 4 or not tk.CJK_RE.match(term):
        return []
    parts = [w for w in tk.jieba_tokenizer().cut_for_search(term, HMM=False) if len(w) >= 2 and w != term]
    # Keep the parts not inside a longer kept part ("村务联席会议" → 村务, 联席会议).
    parts = [w for w in dict.fromkeys(parts) if not any(w != o and w in o for o in parts)]
    return parts if len(parts) > 1 and sum(map(len, parts)) >= len(term) - 1 else []


def _clause(term, synonyms, negated=False, required=False):
    pieces = pieces_for(term)
    if not pieces:
        return None
    alternatives = [pieces]
    if not required and not negated:
        split = [p for part in _split(term) for p in pieces_for(part)]
        if split:
            alternatives.append(split)
    for expansion in synonyms.get(term.strip(), []):
        extra = pieces_for(expansion)
        if extra and extra not in alternatives:
            alternatives.append(extra)
    single = len(pieces) == 1 and pieces[0].kind == "char" and len(alternatives) == 1
    return Clause(term=term, alternatives=alternatives, negated=negated, required=required,
                  weight=SINGLE_CHAR_WEIGHT if single else 1.0)


def parse(raw, synonyms=None):
    """``synonyms``: {normalized term: [expansion, …]}."""
    raw = "" if raw is None else str(raw)
    text = tk.normalize(raw[: MAX_QUERY_CHARS * 4]).translate(_QUOTES)[:MAX_QUERY_CHARS]
    query = ParsedQuery(raw=raw)
    synonyms = synonyms or {}
    free = []
    for match in _TERM_RE.finditer(text):
        if match.group(2) is not None:
            term = _CJK_SPACE_RE.sub("", match.group(2).strip())
            clause = _clause(term, synonyms, negated=bool(match.group(1)), required=not match.group(1))
            if clause:
                query.clauses.append(clause)
            continue
        term = match.group(3)
        if term in _OPERATOR_WORDS:
            continue
        if term.startswith("-") and len(term) > 1:
            clause = _clause(term[1:], synonyms, negated=True)
            if clause:
                query.clauses.append(clause)
            continue
        free.append(term)
    seen = {c.term for c in query.clauses}
    for word in words_of(" ".join(free), synonyms):
        if word in seen:
            continue
        seen.add(word)
        clause = _clause(word, synonyms)
        if clause:
            query.clauses.append(clause)
    query.clauses = query.clauses[:MAX_TERMS]
    optional_terms = [c.term for c in query.optional]
    if len(optional_terms) > 1 or any(len(c.alternatives[0]) > 1 or len(c.alternatives) > 1
                                      for c in query.optional):
        joined = _join_terms(optional_terms)
        tokens = [t for piece in pieces_for(joined) for t in piece.tokens][:MAX_TOKENS]
        if tokens:
            query.phrase = [Piece("phrase", tokens, "")]
    return query
