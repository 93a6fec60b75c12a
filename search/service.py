"""What views and the API call: the user's words and filters → visible, ranked results."""

from core import clock
from core.dates import parse_day

from .engines import get_engine
from .engines.base import SORTS, Filters
from .models import synonym_map
from .query import parse
from .registry import draft_places, visibility_markers
from .units import PUBLIC, TYPES

__all__ = ["draft_limit", "is_place_code", "parse_day", "run_search", "visibility_for"]


def visibility_for(user):
    """None when the user may see everything; else the set of visibility markers allowed. Which
    villages' (or other scopes') units a user may see is the content apps' rule, registered with
    ``registry.register_scope``: search only applies it."""
    if user is not None and getattr(user, "is_authenticated", False):
        markers = visibility_markers(user)
        return None if markers is None else frozenset([PUBLIC, *markers])
    return frozenset([PUBLIC])


def draft_limit(user, today):
    """``(started_by, places)`` for Filters: text that has not taken effect is shown only to its
    editors (the pages' rule, ``versioning.reading.taken_effect``), whatever ``on`` or ``history``
    asks; the content apps register who edits which places (``registry.register_draft_scope``)."""
    if user is not None and getattr(user, "is_authenticated", False):
        places = draft_places(user)
        if places is None:
            return None, frozenset()
        return today, frozenset(places)
    return today, frozenset()


def is_place_code(value):
    """A 9-digit township or 12-digit village code."""
    return value.isdigit() and len(value) in (9, 12)


def run_search(q, user=None, types=None, category="", issuer="", status="", village="", on=None,
               history=False, sort="relevance", page=1, page_size=20, collapse=True):
    """``on``: in force on that day (default today); ``history=True`` searches every version;
    ``collapse=False`` lists each record and clause of a group on its own."""
    today = clock.today()
    day = None if history else (parse_day(on) or today)
    place = (village or "").strip()
    township = place if len(place) == 9 and place.isdigit() else ""
    village_code = place if len(place) == 12 and place.isdigit() else ""
    started_by, places = draft_limit(user, today)
    filters = Filters(
        types=[t for t in (types or []) if t in TYPES], category=(category or "").strip()[:80],
        issuer=(issuer or "").strip()[:80], status=(status or "").strip()[:20], township=township,
        village=village_code, on=day, today=today, visibility=visibility_for(user),
        started_by=started_by, draft_places=places,
        sort=sort if sort in SORTS else "relevance", collapse=bool(collapse), page=_int(page, 1),
        page_size=_int(page_size, 20))
    query = parse(q, synonym_map())
    return query, filters, get_engine().search(query, filters)


def _int(value, default):
    try:
        return max(1, min(10_000, int(value)))
    except (TypeError, ValueError):
        return default
