"""The admin's page chooser and bulk-action confirmations show a draft's title only to users who may
read the draft (issue 12: 12 title leaks to village and township roles)."""

import datetime

import pytest

from tests.search_helpers import isolated_search_index, make_regulation  # noqa: F401 - autouse fixture

SECRET = "尚未发布的机密草案标题"
LEAKS_TO = {"cungan": False, "diyishuji": False, "dudao": False, "bianji": True, "shenhe": True}


@pytest.fixture
def draft(db):
    page = make_regulation(SECRET, [("草案", datetime.date(2027, 1, 1), ["草案条文。"])], publish=False)
    page.live, page.has_unpublished_changes = False, True  # as the admin creates a page: a draft
    page.save_revision()
    page.save(update_fields=["live", "has_unpublished_changes"])
    return page


@pytest.mark.parametrize("username,sees", LEAKS_TO.items())
def test_chooser_and_bulk_confirmations(client, login, draft, username, sees):
    login(username)
    pages = [client.get(f"/admin/choose-page/{draft.get_parent().pk}/"),
             client.get("/admin/choose-page/search/", {"q": SECRET[:4]})]
    for action in ("delete", "move", "publish", "unpublish"):
        pages.append(client.get(f"/admin/bulk/wagtailcore/page/{action}/", {"id": draft.pk}))
    texts = [_text(response) for response in pages]
    assert all(response.status_code in (200, 302, 403) for response in pages)
    if sees:
        assert SECRET in texts[0]
    else:
        assert not any(SECRET in text for text in texts)


def _text(response):
    if response.get("Content-Type", "").startswith("application/json"):
        return str(response.json())
    return response.content.decode()


def test_published_titles_still_choosable(client, login, db):
    page = make_regulation("已公布的村务规定", [("2023年版", datetime.date(2023, 1, 1), ["条文。"])])
    login("dudao")
    html = _text(client.get(f"/admin/choose-page/{page.get_parent().pk}/"))
    assert "已公布的村务规定" in html
