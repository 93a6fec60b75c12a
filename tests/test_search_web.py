"""The search page, the JSON API and Wagtail's admin search, on whichever engine is configured."""

import datetime

import pytest

from tests.search_helpers import isolated_search_index, make_regulation, skip_without_engine  # noqa: F401 - autouse fixture

skip_without_engine()

TEXTS = ["鹊桥村实行群众说事日制度，每月一次，由村党组织书记接待群众。", "三资台账每月清账一次，账目公开接受监督。"]


@pytest.fixture
def regulation(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return make_regulation("鹊桥说事测试规定", [("2019年版", datetime.date(2019, 1, 1), ["旧条文：说事室设在村委会。"]),
                                                  ("2023年版", datetime.date(2023, 1, 1), TEXTS)])


def test_api_shape(client, regulation):
    response = client.get("/api/v1/search/", {"q": "群众说事日", "page_size": 5})
    assert response.status_code == 200
    data = response.json()
    assert {"count", "results", "facets", "units", "best"} == set(data)
    assert data["count"] >= 1
    first = next(r for r in data["results"] if r["title"] == "鹊桥说事测试规定")
    assert {"type", "title", "article", "version", "url", "snippet", "status", "score"} <= set(first)
    assert first["type"] == "article" and first["article"] == "第一条" and first["version"] == "2023年版"
    assert "<mark>群众说事日</mark>" in first["snippet"]
    assert first["status"] == "现行有效"
    assert first["url"].endswith("#art-1")
    assert {"type", "category", "status"} <= set(data["facets"])
    assert any(f["value"] == "article" for f in data["facets"]["type"])


def test_api_filters_and_history(client, regulation):
    old = client.get("/api/v1/search/", {"q": "说事室", "on": "2020-05-01"}).json()
    assert any(r["version"] == "2019年版" for r in old["results"])
    now = client.get("/api/v1/search/", {"q": "说事室"}).json()
    assert not any(r["version"] == "2019年版" for r in now["results"])
    every = client.get("/api/v1/search/", {"q": "说事室", "history": "true"}).json()
    assert any(r["version"] == "2019年版" for r in every["results"])
    only_pages = client.get("/api/v1/search/", {"q": "鹊桥说事", "type": "page"}).json()
    assert only_pages["results"] and all(r["type"] == "page" for r in only_pages["results"])


@pytest.mark.parametrize("params", [{"on": "2026-13-45"}, {"type": "bogus"}, {"village": "abc"}, {"sort": "x"}])
def test_api_rejects_bad_parameters_in_chinese(client, params):
    response = client.get("/api/v1/search/", {"q": "三资", **params})
    assert response.status_code == 400
    assert any("\u4e00" <= ch <= "\u9fff" for ch in response.json()["detail"])


def test_api_hostile_query(client, db):
    for q in ['"', "NEAR(", "x" * 10_000, "'; DROP TABLE units; --", "\x00"]:
        assert client.get("/api/v1/search/", {"q": q}).status_code == 200


def test_search_page_renders_results_filters_and_facets(client, regulation):
    response = client.get("/search/", {"q": "清账"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "《鹊桥说事测试规定》第二条" in html
    assert "<mark>清账</mark>" in html
    assert 'name="type"' in html and 'name="on"' in html and 'name="history"' in html
    assert "按分类筛选" in html and "制度条文" in html
    assert 'list="search-suggestions"' in html and "<datalist" in html
    assert "badge-现行有效" in html


def test_search_page_puts_results_before_facets_for_phones(client, regulation):
    """On a 360 px phone the page is one column in HTML order: the first result must come before
    the facet lists (类型/类别/状态/…), which only move beside the results on wide screens."""
    html = client.get("/search/", {"q": "清账"}).content.decode()
    first_result = html.index('<article class="result">')
    assert "<mark>清账</mark>" in html[first_result:first_result + 1200]
    facets = html.index('<aside class="search-facets"')
    assert first_result < facets
    for label in ("类型", "类别", "状态"):
        assert html.index(f'<h3 class="meta">{label}</h3>') > first_result
    assert 'href="#facets-heading"' in html[:first_result]  # a jump link to the facets, no JS


def test_search_page_bad_date_message(client, regulation):
    html = client.get("/search/", {"q": "清账", "on": "昨天"}).content.decode()
    assert "格式不正确" in html and "《鹊桥说事测试规定》第二条" in html


def test_search_page_without_query_and_hostile(client, db):
    assert client.get("/search/").status_code == 200
    assert client.get("/search/", {"q": '"NEAR( AND *', "page": "abc"}).status_code == 200


def test_search_page_pagination(client, db):
    response = client.get("/search/", {"q": "村", "history": "1"})
    assert response.status_code == 200


def test_admin_search_finds_chinese_substring_in_titles(client, login, regulation):
    login("admin")
    response = client.get("/admin/pages/search/", {"q": "说事测试"})
    assert response.status_code == 200
    assert "鹊桥说事测试规定" in response.content.decode()


@pytest.mark.parametrize("params", [{"page": "abc"}, {"page_size": "0"}])
def test_api_rejects_bad_paging_in_chinese(client, db, params):
    response = client.get("/api/v1/search/", {"q": "三资", **params})
    assert response.status_code == 400
    assert "正整数" in response.json()["detail"]
