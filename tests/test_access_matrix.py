"""Role × object × action: every forbidden cell answers 403/404 and changes nothing; access follows
Django permissions plus assignments, so renaming a group changes nothing (issue 12)."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission

from compliance.models import Record, Review
from core.roles import EDITOR, VILLAGE_CADRE
from villages import access
from villages.models import VillagePage

OWN, NEIGHBOUR = "520330101201", "520330101202"      # cungan's village; diyishuji's, same township
ROLES = [None, "cungan", "diyishuji", "dudao", "bianji", "shenhe"]
# Expected (read, submit, review) per role for the own village, the neighbour and a far village.
EXPECTED = {
    None:        {"own": (0, 0, 0), "neighbour": (0, 0, 0), "far": (0, 0, 0)},
    "cungan":    {"own": (1, 1, 0), "neighbour": (0, 0, 0), "far": (0, 0, 0)},
    "diyishuji": {"own": (0, 0, 0), "neighbour": (1, 1, 0), "far": (0, 0, 0)},
    "dudao":     {"own": (1, 0, 1), "neighbour": (1, 0, 1), "far": (0, 0, 0)},
    "bianji":    {"own": (1, 0, 1), "neighbour": (1, 0, 1), "far": (1, 0, 1)},
    "shenhe":    {"own": (1, 0, 1), "neighbour": (1, 0, 1), "far": (1, 0, 1)},
}


@pytest.fixture
def villages(db):
    far = VillagePage.objects.exclude(path__startswith=VillagePage.objects.get(code=OWN).path[:-4]).first()
    out = {"own": VillagePage.objects.get(code=OWN), "neighbour": VillagePage.objects.get(code=NEIGHBOUR), "far": far}
    records = {key: Record.objects.create(village=v, kind="meeting", title=f"内部会议{key}",
                                          occurred_on=datetime.date(2026, 11, 2), state=Record.SUBMITTED,
                                          submitted_at="2026-11-02T10:00:00+08:00")
               for key, v in out.items()}
    return out, records


@pytest.mark.parametrize("username", ROLES)
def test_matrix_records_pages_api_review(client, login, villages, username):
    places, records = villages
    user = login(username) if username else None
    for key, village in places.items():
        read, submit, review = EXPECTED[username][key]
        record = records[key]
        if user is not None:
            assert access.village_rights(user, village) == (bool(read), bool(submit), bool(review)), key
        page = client.get(f"/records/r/{record.pk}/")
        assert (page.status_code == 200) is bool(read), (key, page.status_code)
        listing = client.get(f"/records/villages/{village.code}/")
        if not read:
            assert "内部会议" not in listing.content.decode()
        reviews_before = Review.objects.count()
        answer = client.post(f"/records/r/{record.pk}/review/", {"result": "accepted", "comment": ""})
        if review:
            assert answer.status_code in (200, 302)
        else:
            assert answer.status_code in (403, 404), (key, answer.status_code)
            assert Review.objects.count() == reviews_before
            record.refresh_from_db()
            assert record.state == Record.SUBMITTED
        api = client.post(f"/api/v1/villages/{village.code}/records/", "{}", content_type="application/json")
        if not submit:
            assert api.status_code in (403, 404), (key, api.status_code)


def test_renaming_a_group_changes_no_access(db, login, villages):
    places, _records = villages
    Group.objects.filter(name=VILLAGE_CADRE).update(name="村两委干部")
    Group.objects.filter(name=EDITOR).update(name="组织部编辑")
    cadre, editor = login("cungan"), login("bianji")
    assert access.village_rights(cadre, places["own"]) == (True, True, False)
    assert access.village_rights(editor, places["far"]) == (True, False, True)


def test_review_needs_the_permission_not_the_group(db, login, villages):
    """County editors review only while a role grants compliance.review_record."""
    places, _records = villages
    group = Group.objects.get(name=EDITOR)
    group.permissions.remove(Permission.objects.get(codename="review_record"))
    editor = login("bianji")
    assert access.village_rights(editor, places["far"]) == (True, False, False)
