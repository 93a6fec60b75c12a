"""Regulations on the public pages: the "最新制度" section of the home page."""

import datetime

from wagtail import hooks

from .models import RegulationPage
from .reading import regulation_rows, today


@hooks.register("home_page_sections")
def latest_regulations(request, page):
    """Front page: the latest regulations (by the start of their newest visible version)."""
    pages = list(RegulationPage.objects.live().prefetch_related("versions"))
    now = today()

    def latest_start(p):
        starts = [v.effective_from for v in p.versions.all() if v.effective_from <= now]
        return max(starts) if starts else datetime.date.min

    pages.sort(key=latest_start, reverse=True)
    if not pages:
        return None
    index = pages[0].get_parent()
    return {"title": "最新制度", "template": "policies/includes/regulation_home.html",
            "context": {"rows": regulation_rows(pages[:6]), "index": index}}
