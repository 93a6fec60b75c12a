"""我的待办: each user sees what they must do (due soon, overdue, returned, to review) for their own
villages only; other apps add sections through the ``todo_items`` hook; reminder e-mails go once
per item per day, and only when an SMTP server is configured."""

import datetime

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings
from wagtail import hooks

from compliance import tasks
from compliance.models import Obligation, SentReminder
from core import clock

VILLAGE = "520330101201"  # cungan's village, in dudao's township
OTHER = "520330102201"    # another township


def _obligation(code, **changes):
    ob = Obligation.objects.filter(village__code=code, submitted_at__isnull=True).order_by("due").first()
    for name, value in changes.items():
        setattr(ob, name, value)
    ob.save()
    return ob


def test_todo_lists_overdue_returned_and_due_soon_for_the_cadre(client, login, db):
    today = clock.today()
    late = _obligation(VILLAGE, item_name="逾期测试事项", due=today - datetime.timedelta(days=3),
                       opens=today - datetime.timedelta(days=30))
    soon = Obligation.objects.filter(village__code=VILLAGE, submitted_at__isnull=True).exclude(pk=late.pk).first()
    Obligation.objects.filter(pk=soon.pk).update(item_name="将到期测试事项", opens=today - datetime.timedelta(days=5),
                                                  due=today + datetime.timedelta(days=2))
    elsewhere = _obligation(OTHER, item_name="别村逾期事项", due=today - datetime.timedelta(days=3))
    login("cungan")
    page = client.get("/").content.decode()
    assert 'href="/records/todo/"' in page and "我的待办" in page
    html = client.get("/records/todo/").content.decode()
    assert "已逾期" in html and "逾期测试事项" in html
    assert "即将到期" in html and "将到期测试事项" in html
    assert "被退回" in html
    assert elsewhere.item_name not in html  # not the cadre's village
    assert "待我审核" not in html  # a cadre reviews nothing


def test_supervisor_sees_submissions_to_review_in_own_township_only(client, login, db):
    mine = _obligation(VILLAGE, item_name="待审核测试事项", submitted_at=clock.now(), review="")
    other = _obligation(OTHER, item_name="外乡待审核事项", submitted_at=clock.now(), review="")
    login("dudao")
    html = client.get("/records/todo/").content.decode()
    assert "待我审核" in html and mine.item_name in html and other.item_name not in html


def test_todo_requires_login(client, db):
    response = client.get("/records/todo/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_other_apps_add_sections_through_the_hook(client, login, db):
    def training(user, today):
        return [{"title": "培训任务", "items": [{"key": "training:1", "title": "完成村务公开培训", "url": "/",
                                                "village": "", "due": today, "status": "待提交"}], "more": 0}]

    with hooks.register_temporarily("todo_items", training):
        login("cungan")
        html = client.get("/records/todo/").content.decode()
    assert "培训任务" in html and "完成村务公开培训" in html


def test_reminders_need_an_smtp_server(db):
    get_user_model().objects.filter(username="cungan").update(email="cungan@example.cn")
    _obligation(VILLAGE, due=clock.today() - datetime.timedelta(days=1))
    assert tasks.send_reminders.call() == 0
    assert mail.outbox == []


@override_settings(EMAIL_HOST="smtp.example.cn")
def test_reminders_go_once_per_item_per_day(db):
    get_user_model().objects.filter(username="cungan").update(email="cungan@example.cn")
    ob = _obligation(VILLAGE, item_name="提醒测试事项", due=clock.today() - datetime.timedelta(days=1))
    assert tasks.send_reminders.call() > 0
    to_cungan = [m for m in mail.outbox if m.to == ["cungan@example.cn"]]
    assert len(to_cungan) == 1 and "提醒测试事项" in to_cungan[0].body and "/records/todo/" in to_cungan[0].body
    assert tasks.send_reminders.call() == 0  # the same day again: nothing new
    assert len([m for m in mail.outbox if m.to == ["cungan@example.cn"]]) == 1
    assert SentReminder.objects.filter(key=f"obligation:{ob.pk}").count() == 1
    with clock.frozen(clock.now() + datetime.timedelta(days=1)):
        tasks.send_reminders.call()  # next day: reminded again
    assert len([m for m in mail.outbox if m.to == ["cungan@example.cn"]]) == 2
