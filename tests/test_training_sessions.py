"""Training sessions: sign-in by code only while the session is open, attendance, 换码; read
receipts and re-reads after a material revision."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from core import clock
from training import rereads, signin
from training.models import ReadReceipt, SignIn, TrainingSession

pytestmark = pytest.mark.django_db


def user(name):
    return get_user_model().objects.get(username=name)


def at(day, hhmm):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.fromisoformat(hhmm)))


@pytest.fixture
def today_session():
    session = TrainingSession.objects.create(
        title="测试培训班", date=clock.today(), starts_at=datetime.time(9, 30), ends_at=datetime.time(11, 30),
        place="县委党校", trainer="王老师", manager=user("peixun"))
    session.invitees.set([user("dysj04"), user("diyishuji")])
    return session


def test_demo_session_attendance():
    session = TrainingSession.objects.get(is_demo=True)
    status = {u.username: s for u, _signin, s in signin.attendance(session)}
    assert status["flsj01"] == "出席" and status["flsj10"] == "迟到" and status["diyishuji"] == "迟到"
    assert [u for u, s in status.items() if s == "缺席"] == ["dysj04", "dysj05", "flsj15"]


def test_sign_in_on_the_page_with_the_code(client, login, today_session):
    login("dysj04")
    response = client.post("/training/signin/", {"code": today_session.code.lower()})
    html = response.content.decode()
    assert response.status_code == 200 and "签到成功" in html and "迟到" in html  # 10:00 > 09:30 + 10 min
    again = client.post("/training/signin/", {"code": today_session.code})
    assert "签到成功" in again.content.decode()
    assert SignIn.objects.filter(session=today_session).count() == 1


def test_the_qr_link_prefills_the_code_and_records_a_scan(client, login, today_session):
    login("diyishuji")
    form = client.get(f"/training/signin/?code={today_session.code}").content.decode()
    assert f'value="{today_session.code}"' in form and 'name="via" value="qr"' in form
    client.post("/training/signin/", {"code": today_session.code, "via": "qr"})
    assert SignIn.objects.get(session=today_session, user__username="diyishuji").method == "qr"


def test_sign_in_refusals(client, login, today_session):
    login("flsj01")  # not invited
    response = client.post("/training/signin/", {"code": today_session.code})
    assert response.status_code == 400 and "您不在本期培训班名单中" in response.content.decode()
    with pytest.raises(signin.SignInError, match="签到码已过期或尚未开始"):
        signin.sign_in(user("dysj04"), today_session.code, now=at(clock.today(), "11:45"))
    with pytest.raises(signin.SignInError, match="签到码已过期或尚未开始"):
        signin.sign_in(user("dysj04"), today_session.code, now=at(clock.today(), "08:55"))
    assert signin.sign_in(user("dysj04"), today_session.code, now=at(clock.today(), "09:05")).method == "code"
    demo = TrainingSession.objects.get(is_demo=True)
    with pytest.raises(signin.SignInError, match="签到码已过期"):
        signin.sign_in(user("flsj15"), demo.code)
    assert not SignIn.objects.filter(user__username="flsj15").exists()


def test_new_code_invalidates_the_old_one(client, login, today_session):
    old = today_session.code
    login("peixun")
    client.post(f"/training/sessions/{today_session.pk}/", {"action": "new_code"})
    today_session.refresh_from_db()
    assert today_session.code != old and len(today_session.code) == 6
    with pytest.raises(signin.SignInError, match="签到码不正确"):
        signin.sign_in(user("dysj04"), old)
    page = client.get(f"/training/sessions/{today_session.pk}/code/").content.decode()
    assert today_session.code in page and "<svg" in page  # big code and the QR code while open


def test_manual_sign_in_needs_a_note(client, login, today_session):
    login("peixun")
    response = client.post(f"/training/sessions/{today_session.pk}/", {"user": user("dysj04").pk, "note": ""})
    assert response.status_code == 400 and "补录签到须填写说明" in response.content.decode()
    client.post(f"/training/sessions/{today_session.pk}/", {"user": user("dysj04").pk, "note": "手机无信号"})
    row = SignIn.objects.get(session=today_session, user__username="dysj04")
    assert row.method == "manual" and row.recorded_by.username == "peixun"


def test_one_sign_in_and_one_receipt_per_user_are_database_rules(today_session):
    SignIn.objects.create(session=today_session, user=user("dysj04"))
    with pytest.raises(IntegrityError), transaction.atomic():
        SignIn.objects.create(session=today_session, user=user("dysj04"))
    receipt = ReadReceipt.objects.filter(user__username="flsj01").first()
    with pytest.raises(IntegrityError), transaction.atomic():
        ReadReceipt.objects.create(user=receipt.user, version=receipt.version)


def test_rereads_overdue_and_confirming_on_the_read_page(client, login):
    overdue = [a for name in ["flsj03", "flsj15", "dysj05"] for a in rereads.open_assignments(user(name))]
    assert len(overdue) == 3 and all(a.overdue for a in overdue)
    total = sum(len(rereads.open_assignments(u)) for u in get_user_model().objects.filter(read_assignments__isnull=False).distinct())
    assert total == 15
    login("flsj03")
    me = client.get("/training/me/").content.decode()
    assert "已逾期" in me and "2027年修订版" in me
    version = overdue[0].version
    page = client.get(f"/training/read/{version.pk}/")  # in force next year: training's own reader shows it
    assert page.status_code == 200 and "我已学习" in page.content.decode()
    client.post(f"/training/read/{version.pk}/")
    assert rereads.open_assignments(user("flsj03")) == []
    assert "已逾期" not in client.get("/training/me/").content.decode()
