"""The user's query → a tree of plain tokens. Engines build their own syntax from these tokens only;
nothing the user typed ever reaches an engine as syntax, so quotes, ``*``, ``NEAR(``, ``AND`` or SQL
fragments are just text (or dropped).

Grammar: words separated by spaces must all match, in any order; ``"…"`` (or “…”) is one exact
phrase; ``-词`` excludes. A Chinese run of ≥2 characters matches as a phrase of consecutive
bigrams (any substring is found); a single character matches the unigram field."""

import re
from dataclasses import dataclass, field

from . import tokenize as tk

MAX_QUERY_CHARS = 200
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
    """A term: any one of ``alternatives`` (the term or a synonym), each an AND of pieces."""

    term: str
    alternatives: list[list[Piece]]
    negated: bool = False


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

    for segment in tk.segments(tk.normalize(text)):
        if tk.is_cjk(segment):
            flush_words()
            segment = segment[:MAX_TOKENS]
            kind = "char" if len(segment) == 1 else "phrase"
            pieces.append(Piece(kind, tk.segment_grams(segment), re.escape(segment)))
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


def parse(raw, synonyms=None):
    """``synonyms``: {normalized term: [expansion, …]}."""
    raw = "" if raw is None else str(raw)
    text = tk.normalize(raw[: MAX_QUERY_CHARS * 4]).translate(_QUOTES)[:MAX_QUERY_CHARS]
    query = ParsedQuery(raw=raw)
    synonyms = synonyms or {}
    for match in _TERM_RE.finditer(text):
        if len(query.clauses) >= MAX_TERMS:
            break
        if match.group(2) is not None:
            negated, term = bool(match.group(1)), _CJK_SPACE_RE.sub("", match.group(2).strip())
        else:
            term = match.group(3)
            if term in _OPERATOR_WORDS:
                continue
            negated = term.startswith("-") and len(term) > 1
            term = term[1:] if negated else term
        pieces = pieces_for(term)
        if not pieces:
            continue
        alternatives = [pieces]
        for expansion in synonyms.get(term.strip(), []):
            extra = pieces_for(expansion)
            if extra and extra != pieces:
                alternatives.append(extra)
        query.clauses.append(Clause(term=term, alternatives=alternatives, negated=negated))
    positive_terms = [c.term for c in query.positive]
    if len(positive_terms) > 1:
        joined = _join_terms(positive_terms)
        tokens = [t for piece in pieces_for(joined) for t in piece.tokens][:MAX_TOKENS]
        if tokens:
            query.phrase = [Piece("phrase", tokens, "")]
    return query
