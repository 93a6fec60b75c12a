"""The county's 三务公开 page for the public (read model in ``compliance.disclosures``)."""

from django.shortcuts import render

from .. import disclosures
from .. import kinds as k


def county_disclosures(request):
    filters = disclosures.parse_filters(request.GET)
    raw = request.GET.get("page", "1")
    page_no = int(raw) if raw.isdigit() and int(raw) > 0 else 1
    rows, has_next, townships = disclosures.page_of(filters, page_no)
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "compliance/disclosures.html", {
        "filters": filters, "rows": rows, "has_next": has_next, "page_no": page_no,
        "townships": sorted(townships, key=lambda t: t.code), "scopes": k.SCOPES,
        "query": params.urlencode()})
