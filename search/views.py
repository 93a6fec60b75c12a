"""/search/: the public search page. Works without JavaScript; filters are plain GET parameters."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render

from core import clock

from . import registry, tokenize
from .engines import get_engine
from .engines.base import SORTS
from .models import Synonym
from .presentation import best_answer, citation, display_title, group_label, group_url
from .service import is_place_code, parse_day, run_search
from .units import TYPE_LABELS, TYPES

FACET_LABELS = {"type": "类型", "category": "类别", "status": "状态", "issuer": "发文机关/单位",
                "township": "乡镇（街道）", "village": "村（社区）"}
PAGE_SIZE = 20


def suggestions():
    try:
        titles = get_engine().titles(200)
    except Exception:
        titles = []
    terms = list(Synonym.objects.values_list("term", flat=True))
    return list(dict.fromkeys([*titles, *terms, *tokenize.DOMAIN_WORDS]))


def _url(params, **changes):
    """The current search with ``changes`` applied; a changed filter starts again at page 1."""
    merged = {k: v for k, v in params.items() if v not in ("", None, [])}
    for key, value in changes.items():
        if value in ("", None):
            merged.pop(key, None)
        else:
            merged[key] = value
    return "?" + urlencode(merged, doseq=True)


def search_page(request):
    get = request.GET
    q = get.get("q", "")[:1000]
    types = [t for t in get.getlist("type") if t in TYPES]
    history = get.get("history") == "1"
    expand = get.get("expand") == "1"
    errors = []
    on_raw = get.get("on", "").strip()
    on = parse_day(on_raw) if on_raw else None
    if on_raw and on is None:
        errors.append(f"日期“{on_raw[:20]}”格式不正确，应为 年-月-日（如 2026-01-01），已按今天检索。")
    place = get.get("village", "").strip()
    if place and not is_place_code(place):
        errors.append("乡镇代码应为 9 位、村代码应为 12 位数字，已忽略该条件。")
        place = ""
    sort = get.get("sort", "relevance")
    params = {"q": q, "type": types, "category": get.get("category", ""), "issuer": get.get("issuer", ""),
              "status": get.get("status", ""), "village": place, "on": on.isoformat() if on else "",
              "history": "1" if history else "", "sort": sort if sort in SORTS else "",
              "expand": "1" if expand else ""}
    context = {"q": q, "params": params, "types": [(t, TYPE_LABELS[t], t in types) for t in TYPES],
               "sorts": SORTS.items(), "sort": params["sort"] or "relevance", "history": history,
               "on": on or clock.today(), "errors": errors, "suggestions": suggestions(),
               "results": None, "facets": [], "statuses": registry.statuses()}
    if q.strip():
        try:
            page_no = max(1, min(500, int(get.get("page", 1))))
        except ValueError:
            page_no = 1
        query, filters, results = run_search(
            q, user=request.user, types=types, category=params["category"], issuer=params["issuer"],
            status=params["status"], village=place, on=on, history=history, sort=params["sort"] or "relevance",
            page=page_no, page_size=PAGE_SIZE, collapse=not expand)
        codes = [v for name in ("township", "village") for v, _ in results.facets.get(name, [])]
        names = registry.place_names(codes + [place])
        context["results"] = [_row(hit, history) for hit in results.hits]
        context["best"] = best_answer(results.hits, page_no, params["sort"] or "relevance")
        if context["best"]:
            context["results"] = context["results"][1:]
        context["count"] = results.count
        context["units"] = results.units
        context["expand"] = expand
        context["empty_query"] = query.is_empty
        facets = []
        for name, buckets in results.facets.items():
            if not buckets:
                continue
            param = "village" if name in ("township", "village") else name
            entries = []
            for value, count in buckets[:20]:
                label = TYPE_LABELS.get(value, value) if name == "type" else names.get(value, value)
                change = [value] if name == "type" else value
                active = (value in types) if name == "type" else params.get(param) == value
                entries.append({"label": label, "count": count, "active": active,
                                "url": _url(params, **{param: change})})
            facets.append({"name": name, "label": FACET_LABELS[name], "entries": entries,
                           "clear": _url(params, **{param: ""})})
        context["facets"] = facets
        paginator = Paginator(range(results.count), PAGE_SIZE)
        page_obj = paginator.get_page(page_no)
        context["page_obj"] = page_obj
        context["prev_url"] = _url(params, page=page_obj.previous_page_number()) if page_obj.has_previous() else ""
        context["next_url"] = _url(params, page=page_obj.next_page_number()) if page_obj.has_next() else ""
        context["place_name"] = names.get(place, "")
    return render(request, "search/search.html", context)


def _row(hit, history):
    unit = hit.unit
    return {"unit": unit, "heading": display_title(unit), "snippet": hit.snippet,
            "type_label": TYPE_LABELS.get(unit.type, unit.type), "score": hit.score,
            "group_size": hit.group_size, "group_label": group_label(hit), "group_url": group_url(hit, history),
            "citation": citation(unit)}
