"""GET /api/v1/search/ — the same search as the page, as JSON."""

from ninja import Router, Schema
from ninja.errors import HttpError

from .engines.base import MAX_PAGE_SIZE, SORTS
from .presentation import best_answer, citation, display_title, group_label, group_url
from .service import is_place_code, parse_day, run_search
from .units import TYPES

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
    heading: str = ""
    citation: str = ""
    group_size: int = 1
    group_label: str = ""
    group_url: str = ""


class BestOut(Schema):
    citation: str
    text: str
    url: str
    type: str


class FacetOut(Schema):
    value: str
    count: int


class SearchOut(Schema):
    count: int
    results: list[HitOut]
    facets: dict[str, list[FacetOut]]
    units: int | None = None
    best: BestOut | None = None


@router.get("/search/", response=SearchOut, summary="全文检索",
            description="q：检索词或问句（含全部词的结果在前，其次含词最多的；“…”整句必须出现，-词 排除）；"
                        "count 为结果数（多个村相同的记录、相同的村规民约条款合并为一条，group_size 为合并的条数），"
                        "units 为命中的单元数；best 为最佳答案（条文原文和出处）；on：在该日有效（默认今天）；"
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
        "units": results.units,
        "best": best_answer(results.hits, page, sort),
        "results": [{"type": h.unit.type, "title": h.unit.title, "article": h.unit.label or None,
                     "version": h.unit.version or None, "url": h.unit.url, "snippet": h.snippet,
                     "status": h.unit.status, "score": round(h.score, 4), "heading": display_title(h.unit),
                     "citation": citation(h.unit), "group_size": h.group_size, "group_label": group_label(h),
                     "group_url": group_url(h, history)}
                    for h in results.hits],
        "facets": {name: [{"value": v, "count": c} for v, c in buckets] for name, buckets in results.facets.items()},
    }
