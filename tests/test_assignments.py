"""岗位 in the admin: county staff give a real account a role for one village or township, with dates;
the territory rules (villages.access) honour the dates."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from villages import access
from villages.models import CadreAssignment, TownshipPage, VillagePage

DAY = datetime.date(2026, 11, 20)  # the suite's frozen today


@pytest.fixture
def newcomer(db):
    return get_user_model().objects.create_user("xincungan", password="x-secret-2026")


def _form(user, **extra):
    data = {"user": user.pk if user else "", "role": "", "township": "", "village": "", "valid_from": "", "valid_to": ""}
    data.update(extra)
    return data


@pytest.mark.django_db
def test_county_staff_assign_a_real_account_to_one_village(client, login, newcomer):
    village = VillagePage.objects.get(code="520330101203")
    login("bianji")
    response = client.post(reverse("assignments:add"), _form(newcomer, role="村干部", village=village.pk,
                                                             valid_from="2026-11-01"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assignment = CadreAssignment.objects.get(user=newcomer)
    assert assignment.village == village and assignment.valid_from == datetime.date(2026, 11, 1)
    assert newcomer.groups.filter(name="村干部").exists()

    newcomer = get_user_model().objects.get(pk=newcomer.pk)
    assert list(access.visible_villages(newcomer)) == [village]
    sibling = VillagePage.objects.get(code="520330101204")
    assert access.village_rights(newcomer, village) == (True, True, False)
    assert access.village_rights(newcomer, sibling) == (False, False, False)
    client.force_login(newcomer)
    assert client.get(reverse("compliance:new", args=[village.code])).status_code == 200
    assert client.get(reverse("compliance:new", args=[sibling.code])).status_code in (403, 404)


@pytest.mark.django_db
def test_supervisor_assignment_adds_the_township_group(client, login, newcomer):
    township = TownshipPage.objects.get(code="520330102")
    login("shenhe")
    response = client.post(reverse("assignments:add"), _form(newcomer, role="乡镇督导", township=township.pk))
    assert response.status_code == 302
    newcomer = get_user_model().objects.get(pk=newcomer.pk)
    assert set(newcomer.groups.values_list("name", flat=True)) == {"乡镇督导", f"乡镇督导·{township.title}"}
    assert list(access.supervised_townships(newcomer)) == [township]
    assert set(access.visible_villages(newcomer)) == set(VillagePage.objects.child_of(township))


@pytest.mark.parametrize("extra, field, message", [
    ({"role": "村干部"}, "village", "选且只选一项"),
    ({"role": "村干部", "township": "T", "village": "V"}, "village", "选且只选一项"),
    ({"role": "乡镇督导", "village": "V"}, "township", "乡镇督导的岗位范围应为乡镇"),
    ({"role": "村干部", "village": "V", "valid_from": "2026-12-01", "valid_to": "2026-11-01"}, "valid_to",
     "截止日期不能早于起始日期"),
    ({"village": "V"}, "role", "请选择角色"),
])
@pytest.mark.django_db
def test_bad_assignments_get_a_chinese_message_and_save_nothing(client, login, newcomer, extra, field, message):
    ids = {"T": str(TownshipPage.objects.get(code="520330101").pk),
           "V": str(VillagePage.objects.get(code="520330101201").pk)}
    extra = {k: ids.get(v, v) for k, v in extra.items()}
    login("bianji")
    response = client.post(reverse("assignments:add"), _form(newcomer, **extra))
    assert response.status_code == 400 or response.status_code == 200
    assert message in response.content.decode()
    assert not CadreAssignment.objects.filter(user=newcomer).exists()
    assert not newcomer.groups.exists()


@pytest.mark.django_db
def test_user_is_required(client, login):
    login("bianji")
    village = VillagePage.objects.get(code="520330101201")
    before = CadreAssignment.objects.count()
    response = client.post(reverse("assignments:add"), _form(None, role="村干部", village=village.pk))
    assert "请选择用户" in response.content.decode()
    assert CadreAssignment.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["dudao", "cungan"])
def test_only_county_staff_manage_assignments(client, login, username):
    login(username)
    assert client.get(reverse("assignments:index")).status_code in (302, 403)
    assert client.get(reverse("assignments:add")).status_code in (302, 403)


@pytest.mark.django_db
def test_county_staff_see_the_list(client, login):
    login("bianji")
    page = client.get(reverse("assignments:index"), {"q": "cungan"}).content.decode()
    assert "cungan" in page and "村干部" in page
    page = client.get(reverse("assignments:index"), {"q": "dudao"}).content.decode()
    assert "dudao" in page and "乡镇督导" in page


@pytest.mark.django_db
@pytest.mark.parametrize("valid_from, valid_to, granted", [
    (None, None, True),
    (DAY, DAY, True),
    (DAY - datetime.timedelta(days=365), DAY - datetime.timedelta(days=1), False),  # ended yesterday
    (DAY + datetime.timedelta(days=1), None, False),  # starts tomorrow
])
def test_an_assignment_outside_its_dates_grants_nothing(valid_from, valid_to, granted):
    cadre = get_user_model().objects.get(username="cungan")
    CadreAssignment.objects.filter(user=cadre).update(valid_from=valid_from, valid_to=valid_to)
    village = VillagePage.objects.get(code="520330101201")
    assert access.can_view_village(cadre, village) is granted
    assert access.can_submit_for(cadre, village) is granted
    assert (village in access.visible_villages(cadre)) is granted

    supervisor = get_user_model().objects.get(username="dudao")
    CadreAssignment.objects.filter(user=supervisor).update(valid_from=valid_from, valid_to=valid_to)
    assert access.can_review(supervisor, village) is granted
    assert access.supervised_townships(supervisor).exists() is granted
    assert (village in access.visible_villages(supervisor)) is granted


@pytest.mark.django_db
def test_the_database_refuses_reversed_dates():
    from django.db import IntegrityError, transaction

    cadre = get_user_model().objects.get(username="cungan")
    with pytest.raises(IntegrityError), transaction.atomic():
        CadreAssignment.objects.filter(user=cadre).update(valid_from=DAY, valid_to=DAY - datetime.timedelta(days=1))
