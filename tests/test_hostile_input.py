"""No input breaks the site (issue 12: 66 HTTP 500s). Hypothesis drives every operation of the
OpenAPI schema and the main pages with hostile values; nothing may answer 5xx, and the limits
answer 400 with a Chinese message."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.hostile import MAX_JSON_DEPTH, json_depth

HUGE = ["9" * 30, "9" * 5000, "-1", "0", "1e309", "NaN", "1.5", "0x10", "", " ", "%00", "\x00", "' OR 1=1 --",
        "<script>x</script>", "../../etc/passwd", "二〇二六年", "2026-02-30", "9999-12-31", "0001-01-01"]
hostile_text = st.one_of(st.sampled_from(HUGE), st.text(max_size=60),
                         st.integers(min_value=-(10**40), max_value=10**40).map(str))
hostile_json = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(min_value=-(10**40), max_value=10**40),
              st.floats(allow_nan=False), st.text(max_size=20)),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(["kind", "title", "occurred_on", "content",
                                                                "obligations", "obligation_refs", "citations",
                                                                "submit", "x"]), children, max_size=5)),
    max_leaves=20)
HYPOTHESIS = settings(max_examples=25, deadline=None, database=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _operations():
    from cms.api import api

    schema = api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            params = [(p["name"], p["in"]) for p in operation.get("parameters", [])]
            yield path, method, params


OPERATIONS = list(_operations())


def test_schema_lists_every_endpoint():
    assert len(OPERATIONS) >= 10
    assert any(method == "post" for _p, method, _params in OPERATIONS)


@pytest.mark.django_db
@pytest.mark.parametrize("path,method,params", OPERATIONS, ids=[f"{m} {p}" for p, m, _ in OPERATIONS])
@HYPOTHESIS
@given(data=st.data())
def test_api_never_5xx(client, path, method, params, data):
    url = "/api/v1" + path
    query = {}
    for name, where in params:
        value = data.draw(hostile_text, label=name)
        if where == "path":
            url = url.replace("{" + name + "}", value.replace("/", "%2F").replace("?", "%3F").replace("#", "%23") or "x")
        elif data.draw(st.booleans()):
            query[name] = value
    if method == "get":
        response = client.get(url, query)
    else:
        body = json.dumps(data.draw(hostile_json, label="body"))
        response = client.generic(method.upper(), url, body, content_type="application/json",
                                  HTTP_AUTHORIZATION=data.draw(st.sampled_from(["", "Basic !!", "Bearer x", "Basic Og=="])))
    assert response.status_code < 500, (url, query, response.status_code)


PAGES = ["/search/", "/records/county/", "/records/villages/520330101201/", "/records/townships/520330101/",
         "/records/r/{n}/", "/records/files/{n}/", "/records/articles/{n}/art-1/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
@HYPOTHESIS
@given(data=st.data())
def test_pages_never_5xx(client, url, data):
    client.force_login(_admin())
    target = url.replace("{n}", data.draw(st.sampled_from(["9" * 30, "0", "1", "99999999999"])))
    params = {name: data.draw(hostile_text, label=name) for name in
              data.draw(st.lists(st.sampled_from(["q", "page", "on", "history", "village", "category", "from", "to",
                                                  "type", "sort", "by", "obligation"]), max_size=5, unique=True))}
    response = client.get(target, params)
    assert response.status_code < 500, (target, params, response.status_code)


def _admin():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="admin")


def test_deep_json_is_refused_in_chinese(client, db):
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/v1/villages/520330101201/records/", body, content_type="application/json")
    assert response.status_code == 400
    assert "嵌套过深" in response.json()["detail"]


def test_huge_ids_answer_400_or_404_in_chinese(client, db):
    for url in ("/api/v1/regulations/" + "9" * 30 + "/", "/api/v1/tasklists/" + "9" * 30 + "/"):
        response = client.get(url)
        assert response.status_code in (400, 404)


def test_json_depth_ignores_brackets_in_strings():
    assert json_depth(b'{"a": "[[[[[[[["}') == 1
    assert json_depth(b"[" * (MAX_JSON_DEPTH + 1)) == MAX_JSON_DEPTH + 1
