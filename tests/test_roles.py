"""Each role reaches exactly what it should in the admin."""

import pytest

from villages.models import TownshipPage, VillagePage

pytestmark = pytest.mark.django_db


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def village_in(code):
    return VillagePage.objects.descendant_of(TownshipPage.objects.get(code=code)).order_by("code").first()


def test_county_editor_edits_anything_but_cannot_publish(client, login):
    user = login("bianji")
    assert client.get("/admin/").status_code == 200
    home = TownshipPage.objects.get(code="520330101").get_parent()
    assert client.get(edit_url(home)).status_code == 200
    perms = home.permissions_for_user(user)
    assert perms.can_edit() and not perms.can_publish()


def test_county_publisher_can_publish(client, login):
    user = login("shenhe")
    home = TownshipPage.objects.get(code="520330101").get_parent()
    assert client.get(edit_url(home)).status_code == 200
    assert home.permissions_for_user(user).can_publish()


def test_township_supervisor_limited_to_own_township(client, login):
    user = login("dudao")
    assert client.get("/admin/").status_code == 200
    own, other = village_in("520330101"), village_in("520330102")
    assert client.get(edit_url(own)).status_code == 200
    assert client.get(edit_url(other)).status_code in (302, 403)
    assert not other.permissions_for_user(user).can_edit()
    from villages.access import can_review

    assert can_review(user, own) and not can_review(user, other)


def test_village_cadre_limited_to_one_village(client, login):
    user = login("cungan")
    assert client.get("/admin/").status_code == 200
    own = VillagePage.objects.get(code="520330101201")
    assert not own.permissions_for_user(user).can_edit()
    assert client.get(edit_url(own)).status_code in (302, 403)
    from villages.access import can_submit_for, visible_villages

    assert list(visible_villages(user)) == [own]
    assert can_submit_for(user, own) and not can_submit_for(user, village_in("520330102"))


def test_first_secretary_reads_published_and_submits_for_own_village(client, login):
    user = login("diyishuji")
    assert client.get("/admin/").status_code == 200
    own = VillagePage.objects.get(code="520330101202")
    other = VillagePage.objects.get(code="520330101201")
    assert client.get(own.url).status_code == 200 and client.get(other.url).status_code == 200
    assert client.get(edit_url(own)).status_code in (302, 403)
    from villages.access import can_submit_for

    assert can_submit_for(user, own) and not can_submit_for(user, other)


def test_anonymous_user_is_sent_to_login(client):
    resp = client.get("/admin/")
    assert resp.status_code == 302 and "/admin/login/" in resp["Location"]
