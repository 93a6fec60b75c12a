"""On a county intranet nothing outside the site answers: every page kind must work with all
non-local requests refused, the API docs included (Swagger UI from the project's static files)."""

from urllib.parse import urlsplit

import pytest

from .conftest import log_in

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
PAGES = [
    "/",                                        # home
    "/zhidu/cunji-ganbu-guanli-banfa/",         # a regulation
    "/qingdan/sylg/",                           # a task list
    "/t520330101/v520330101201/",               # a village (光辉村)
    "/search/?q=清账",                           # search results
]


def offline(page):
    """Refuse every request to another host, as an intranet without a CDN does; record what was
    refused and every console error or uncaught exception."""
    seen = {"blocked": [], "errors": []}

    def route(request_route):
        url = request_route.request.url
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and urlsplit(url).hostname not in LOCAL_HOSTS:
            seen["blocked"].append(url)
            request_route.abort()
        else:
            request_route.continue_()

    page.route("**/*", route)
    page.on("console", lambda msg: msg.type == "error" and seen["errors"].append(msg.text))
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
    return seen


def test_api_docs_render_without_internet(site, desk):
    seen = offline(desk)
    desk.goto(site.url + "/api/v1/docs")
    operation = desk.locator(".opblock").first
    operation.wait_for(state="visible", timeout=20000)
    assert desk.locator(".opblock").count() >= 5
    assert "习水县村务规程库 API" in desk.locator(".info .title").inner_text()
    assert seen == {"blocked": [], "errors": []}


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_need_nothing_from_outside(site, phone, path):
    seen = offline(phone)
    response = phone.goto(site.url + path)
    phone.wait_for_load_state("networkidle")
    assert response.status == 200
    assert seen == {"blocked": [], "errors": []}


def test_cadre_pages_need_nothing_from_outside(site, phone):
    """The logged-in view (duties, forms' scripts) and the admin's own bundles are local too."""
    seen = offline(phone)
    log_in(phone, site, "cungan")
    for path in ["/t520330101/v520330101201/", "/admin/"]:
        assert phone.goto(site.url + path).status == 200
        phone.wait_for_load_state("networkidle")
    assert seen == {"blocked": [], "errors": []}
