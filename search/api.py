"""GET /api/v1/search/ — the same search as the page, as JSON."""

from ninja import Router, Schema
from ninja.errors import HttpError

from .engines.base import MAX_PAGE_SIZE, SORTS
from .service import is_place_code, parse_day, run_search
from .units import TYPES
from .views import display_title

router = Router(tags=["全文检索"])


class HitOut(Schema):
    type: str
    title: str
    article: str | None
    version: str | None
    url: str
    snippet: str
    status: str
    score: float


class FacetOut(Schema):
    value: str
    count: int


class SearchOut(Schema):
    count: int
    results: list[HitOut]
    facets: dict[str, list[FacetOut]]


@router.get("/search/", response=SearchOut, summary="全文检索",
            description="q：检索词（空格分隔须同时出现，“…”整句，-词 排除）；on：在该日有效（默认今天）；"
                        "history=true 检索全部版本；village：9 位乡镇或 12 位村代码；snippet 为带 <mark> 的安全 HTML。")
def search(request, q: str = "", type: str = "", category: str = "", issuer: str = "", status: str = "",
           village: str = "", on: str = "", history: str = "", sort: str = "relevance", page: str = "1",
           page_size: str = "20"):
    types = [t for t in type.split(",") if t.strip()]
    unknown = [t for t in types if t not in TYPES]
    if unknown:
        raise HttpError(400, f"未知的类型：{'、'.join(unknown)}；可选：{'、'.join(TYPES)}。")
    day = parse_day(on) if on else None
    if on and day is None:
        raise HttpError(400, "on 应为日期，格式 YYYY-MM-DD。")
    place = village.strip()
    if place and not is_place_code(place):
        raise HttpError(400, "village 应为 9 位乡镇代码或 12 位村代码。")
    if sort not in SORTS:
        raise HttpError(400, f"sort 可选：{'、'.join(SORTS)}。")
    try:
        page, page_size = int(page), int(page_size)
    except ValueError:
        page = page_size = 0
    if page < 1 or page_size < 1:
        raise HttpError(400, "page 和 page_size 应为正整数。")
    history = history.strip().lower() in {"1", "true", "yes", "on"}
    _, _, results = run_search(q, user=request.user, types=types, category=category, issuer=issuer,
                               status=status, village=place, on=day, history=history, sort=sort,
                               page=page, page_size=min(page_size, MAX_PAGE_SIZE))
    return {
        "count": results.count,
        "results": [{"type": h.unit.type, "title": h.unit.title, "article": h.unit.label or None,
                     "version": h.unit.version or None, "url": h.unit.url, "snippet": h.snippet,
                     "status": h.unit.status, "score": round(h.score, 4), "heading": display_title(h.unit)}
                    for h in results.hits],
        "facets": {name: [{"value": v, "count": c} for v, c in buckets] for name, buckets in results.facets.items()},
    }
