"""What search learns from the content apps without importing them: who sees which villages' units,
the statuses offered as a filter, and the names of place codes."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from search import registry
from search.service import visibility_for


def test_read_scope_comes_from_the_village_rules(db):
    users = get_user_model().objects
    assert visibility_for(AnonymousUser()) == {"public"}
    assert visibility_for(users.get(username="bianji")) is None  # county staff see every unit
    assert visibility_for(users.get(username="cungan")) == {"public", "village:520330101201"}
    supervisor = visibility_for(users.get(username="dudao"))
    assert "village:520330101201" in supervisor and all(
        m == "public" or m.startswith("village:520330101") for m in supervisor)


def test_search_page_offers_the_document_statuses_in_order(client, db):
    html = client.get("/search/").content.decode()
    positions = [html.index(f"<option>{label}</option>") for label in ["现行有效", "试行", "尚未生效", "已修订", "已废止"]]
    assert positions == sorted(positions)


def test_place_codes_are_named_by_the_villages_app(db):
    names = registry.place_names(["520330101", "520330101201", "999999999", ""])
    assert names["520330101"] == "土城镇"
    assert "520330101201" in names and "999999999" not in names
