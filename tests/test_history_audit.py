"""Reality is recorded (a failed meeting is saved and flagged; 不适用 says who, when and why and can
be withdrawn) and every compliance mutation is in Wagtail's audit log with its user."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from compliance import services
from compliance import status as st
from compliance.models import ElevatedSupervision, Obligation, Record
from core import clock
from villages.models import VillagePage

pytestmark = pytest.mark.django_db
V1 = "520330101201"


def user(name):
    return get_user_model().objects.get(username=name)


def actions(instance):
    return list(ModelLogEntry.objects.for_instance(instance).order_by("timestamp", "id")
                .values_list("action", "user__username"))


def meeting(**kw):
    data = {"meeting_type": "党员大会", "chair": "书记", "expected": "30", "actual": "12", "agenda": "换届",
            "speakers": "委员甲\n书记", "decisions": "未形成决议"}
    data.update(kw)
    return data


def test_a_party_meeting_below_quorum_is_saved_and_flagged():
    village = VillagePage.objects.get(code=V1)
    record = services.save(village, user("cungan"), "meeting", "党员大会（未过半）", clock.today().isoformat(),
                           meeting(), submit=True)
    assert record.state == Record.SUBMITTED
    assert record.flags == ["党员大会实到人数未过半，不能作为决议依据。"]


def test_not_applicable_records_who_when_why_and_can_be_withdrawn(client, login):
    ob = Obligation.objects.filter(village__code=V1, submitted_at__isnull=True, not_applicable=False).first()
    login("dudao")
    client.post(f"/records/obligations/{ob.pk}/na/", {"na_reason": "本村无集体土地"})
    ob.refresh_from_db()
    assert ob.not_applicable and ob.na_reason == "本村无集体土地" and ob.na_by.username == "dudao"
    assert abs(ob.na_at - clock.now()) < datetime.timedelta(minutes=5) and ob.status() == st.NOT_APPLICABLE
    page = client.get(f"/records/villages/{V1}/supervision/").content.decode()
    assert "本村无集体土地" in page and "标记不适用" in page
    again = client.post(f"/records/obligations/{ob.pk}/na/", {"na_reason": "重复"}, follow=True)
    assert "该事项已标记为不适用。" in again.content.decode()
    no_reason = client.post(f"/records/obligations/{ob.pk}/na/", {"withdraw": "1", "na_reason": ""}, follow=True)
    assert "请写明撤回不适用的理由。" in no_reason.content.decode()
    client.post(f"/records/obligations/{ob.pk}/na/", {"withdraw": "1", "na_reason": "误标"})
    ob.refresh_from_db()
    assert not ob.not_applicable and ob.na_by is None and ob.status() != st.NOT_APPLICABLE
    assert actions(ob) == [("compliance.not_applicable", "dudao"), ("compliance.not_applicable_withdrawn", "dudao")]
    entry = ModelLogEntry.objects.for_instance(ob).order_by("timestamp", "id").last()
    assert entry.data["reason"] == "误标" and entry.data["marked_reason"] == "本村无集体土地"


def test_every_transition_is_in_the_audit_log_with_its_user(client, login):
    village = VillagePage.objects.get(code=V1)
    cadre, reviewer, county = user("cungan"), user("dudao"), user("bianji")
    record = services.save(village, cadre, "meeting", "联席会议", clock.today().isoformat(),
                           meeting(meeting_type="联席会议", expected="7", actual="7", speakers="甲\n书记"), submit=True)
    services.review(record, reviewer, "returned", "请补充")
    record.refresh_from_db()
    second = services.save(village, cadre, "meeting", "联席会议（补充）", clock.today().isoformat(),
                           meeting(meeting_type="联席会议", expected="7", actual="7", speakers="甲\n书记"),
                           submit=True, record=record)
    services.review(second, reviewer, "accepted", "")
    third = services.correct(second, cadre)
    assert actions(record) == [("compliance.submit", "cungan"), ("compliance.return", "dudao")]
    assert actions(second) == [("compliance.resubmit", "cungan"), ("compliance.accept", "dudao")]
    assert actions(third) == [("compliance.correct", "cungan")]
    action = services.open_action(village, reviewer, "rectify", "整改台账", clock.today())
    services.close_action(action, reviewer, clock.today(), "已整改")
    assert actions(action) == [("compliance.supervision_open", "dudao"), ("compliance.supervision_close", "dudao")]
    ElevatedSupervision.objects.filter(village=village).delete()
    services.elevate(village, county, "三资规模大")
    elevated = services.end_elevation(village, county)
    assert actions(elevated) == [("compliance.elevate", "bianji"), ("compliance.elevate_end", "bianji")]
    login("admin")
    report = client.get("/admin/reports/site-history/").content.decode()
    assert "审核退回" in report and "结束提级监督" in report


def test_the_same_measure_twice_is_one_measure():
    village = VillagePage.objects.get(code=V1)
    services.open_action(village, user("dudao"), "talk", "谈话提醒：会议记录不全")
    with pytest.raises(services.Invalid) as refused:
        services.open_action(village, user("dudao"), "talk", "谈话提醒：会议记录不全")
    assert "未重复登记" in str(refused.value)
