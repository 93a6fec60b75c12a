"""Search shows nobody a text that the page would not show them: a version that has not taken effect
is for its editors only, whatever ``on`` or ``history`` asks (issue 12: 16 leaks)."""

import datetime

import pytest

from tests.search_helpers import isolated_search_index, make_regulation, skip_without_engine  # noqa: F401 - autouse fixture

skip_without_engine()

FUTURE_TEXT = "未生效条文：鹊桥村便民服务点改设在村卫生室旁。"
ROLES = {None: False, "cungan": False, "diyishuji": False, "dudao": False, "bianji": True, "shenhe": True}


@pytest.fixture
def regulation(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return make_regulation("便民服务点设置规定", [
            ("2023年版", datetime.date(2023, 1, 1), ["现行条文：便民服务点设在村委会。"]),
            ("2027年修订版", datetime.date(2027, 1, 1), [FUTURE_TEXT])])


def _found(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    text = str(response.json()) if url.startswith("/api/") else response.content.decode()
    return "卫生室" in text


@pytest.mark.parametrize("username,editor", ROLES.items())
@pytest.mark.parametrize("params", [{"on": "2027-06-01"}, {"history": "1"}, {}])
def test_future_text_only_for_editors_in_search_and_api(client, regulation, username, editor, params):
    if username:
        client.force_login(_user(username))
    for url in ("/search/", "/api/v1/search/"):
        expected = editor and bool(params)  # today's search never shows it, even to editors
        assert _found(client, url, {"q": "便民服务点", **params}) is expected, (url, username, params)


@pytest.mark.parametrize("username,editor", ROLES.items())
def test_search_agrees_with_the_page(client, regulation, username, editor):
    """What search gives a user on a future day, the page gives too; what the page refuses, search hides."""
    if username:
        client.force_login(_user(username))
    page = client.get(regulation.url + "2027-06-01/")
    assert (page.status_code == 200) is editor
    assert _found(client, "/api/v1/search/", {"q": "便民服务点", "on": "2027-06-01"}) is editor


def test_current_text_still_found_by_everyone(client, regulation):
    body = client.get("/api/v1/search/", {"q": "便民服务点", "history": "1"}).json()
    assert any("村委会" in hit["snippet"] for hit in body["results"])
    assert not any("卫生室" in hit["snippet"] for hit in body["results"])


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
