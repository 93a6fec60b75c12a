"""The one interface every engine implements. Engines know units and tokens, never content models.

Ranking is the same formula everywhere: relevance (BM25 over bigrams, title weighted) plus fixed
bonuses, largest first — all terms in the title, the whole query as one exact phrase, in force on
the day asked."""

import datetime
import hashlib
from dataclasses import dataclass, field

from core import clock

from .. import tokenize as tk
from ..units import SearchUnit

# Order of the ranking, largest first: the kind (texts to follow above records of what was done),
# how many of the query's words a unit has (coverage), the words side by side as typed (phrase),
# every word in the title, in force on the day asked; then BM25.
KIND_BONUS = 10_000_000.0
COVER_BONUS = 100000.0
PHRASE_BONUS = 20000.0
TITLE_BONUS = 5000.0
IN_FORCE_BONUS = 100.0
RANKED_FIRST_TYPES = ["article", "taskitem", "villagerule", "page"]
FACET_FIELDS = ["type", "category", "status", "issuer", "township", "village"]
SORTS = {"relevance": "相关度", "date": "日期", "order": "文档顺序"}
MAX_PAGE_SIZE = 100


@dataclass
class Filters:
    types: list[str] = field(default_factory=list)
    category: str = ""
    issuer: str = ""
    status: str = ""
    township: str = ""
    village: str = ""
    on: datetime.date | None = None          # only units in force on this day; None = all versions
    today: datetime.date | None = None       # "in force" for ranking when ``on`` is None
    visibility: frozenset | None = None      # allowed markers; None = everything (county staff)
    # Text not yet in force is for its editors only: units starting after ``started_by`` are left out
    # unless their township or village is in ``draft_places``. None = no such limit (county editors).
    started_by: datetime.date | None = None
    draft_places: frozenset = frozenset()
    sort: str = "relevance"
    collapse: bool = True                    # records / identical clauses of many villages as one result
    page: int = 1
    page_size: int = 20

    @property
    def rank_day(self):
        return self.on or self.today or clock.today()

    @property
    def offset(self):
        return (max(1, self.page) - 1) * self.size

    @property
    def size(self):
        return max(1, min(MAX_PAGE_SIZE, self.page_size))


@dataclass
class Hit:
    unit: SearchUnit
    score: float
    snippet: str = ""
    group_size: int = 1     # units collapsed into this result (its own included)


@dataclass
class Results:
    count: int                # results (a collapsed group counts once)
    hits: list[Hit]
    facets: dict = field(default_factory=dict)   # field → [(value, count), …] over units
    units: int | None = None  # matching units before collapsing


def group_key(unit):
    """Units that show as one result: records of the same title and month (the same monthly record
    of many villages), and village-rule clauses of the same text (a clause copied by many villages).
    Everything else is its own group."""
    if unit.type == "record":
        period = (unit.doc_sort or "").removeprefix("record:")[:7]
        return "record|" + hashlib.sha1(f"{tk.normalize(unit.title)}|{period}".encode()).hexdigest()[:20]
    if unit.type == "villagerule" and unit.text:
        text = "".join(tk.segments(tk.bridge(tk.normalize(unit.text))))
        return "villagerule|" + hashlib.sha1(text.encode()).hexdigest()[:20]
    return unit.id


def index_fields(unit):
    """The tokenized fields every engine stores next to the unit's own data."""
    return tk.index_streams(unit.title or "", unit.label or "", unit.text or "")


class SearchEngine:
    name = "base"

    # --- writing ------------------------------------------------------------------------------
    def replace_source(self, source, units):
        """Removes every unit of ``source`` and stores ``units`` (all of that source)."""
        raise NotImplementedError

    def bulk_index(self, units, batch_size=1000):
        """Adds or replaces units (used by a full reindex); returns how many were written."""
        raise NotImplementedError

    def delete_source(self, source):
        raise NotImplementedError

    def clear(self):
        """Empties the index (creates it when missing)."""
        raise NotImplementedError

    def finish_bulk(self):
        """Called after a full reindex (refresh, optimize)."""

    # --- reading ------------------------------------------------------------------------------
    def search(self, query, filters):
        """``query`` is a ``search.query.ParsedQuery``; returns ``Results``."""
        raise NotImplementedError

    def count(self):
        raise NotImplementedError

    def titles(self, limit=200):
        """Distinct document titles for the search box's suggestions."""
        raise NotImplementedError

    def sources(self):
        """Every source currently in the index (for tests and consistency checks)."""
        raise NotImplementedError
