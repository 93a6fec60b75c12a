"""Background jobs of compliance (django-tasks; run by ``manage.py db_worker``). Each is idempotent:
obligations are inserted under a unique constraint, reminders are recorded before they are sent.

Triggers: a task list or a village published (Wagtail's ``page_published``), a village created, and
the daily ``tick`` (``periodic_tasks`` hook, read by cms.tasks)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail import hooks
from wagtail.signals import page_published

from core import clock
from policies.models import TaskListPage
from villages.models import VillagePage

from . import rolling, todo

logger = logging.getLogger(__name__)


@task()
def roll_obligations(village_ids=None):
    """The current and next period of every task item in force, for the given villages (ids) or all
    live villages. Returns how many obligations were new."""
    villages = village_ids if village_ids is not None else VillagePage.objects.live().values_list("pk", flat=True)
    created = rolling.ensure(villages)
    logger.info("roll_obligations: %s new", created)
    return created


@task()
def generate_obligations(village_ids, start, end):
    """Back-fill every duty of ``village_ids`` in ``[start, end]`` (ISO dates); a large county is
    split into several such jobs so that workers share it. Returns how many were new."""
    import datetime

    from . import obligations

    return obligations.generate(village_ids, datetime.date.fromisoformat(start), datetime.date.fromisoformat(end))


class _PendingRoll:
    """One roll queued per transaction, however many pages it publishes (a loader publishing 30
    task lists queues one job); ``village_ids`` None means every village."""

    def __init__(self, village_ids):
        self.village_ids = None if village_ids is None else list(village_ids)

    def merge(self, village_ids):
        if self.village_ids is not None:
            self.village_ids = None if village_ids is None else self.village_ids + list(village_ids)

    def __call__(self):
        roll_obligations.enqueue(village_ids=self.village_ids)


def _enqueue_roll(village_ids=None):
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for entry in connection.run_on_commit:
            if isinstance(entry[1], _PendingRoll):
                entry[1].merge(village_ids)
                return
    transaction.on_commit(_PendingRoll(village_ids))


def _on_published(sender, instance, **kwargs):
    if isinstance(instance, TaskListPage):
        _enqueue_roll()
    elif isinstance(instance, VillagePage):
        _enqueue_roll([instance.pk])


def _on_village_saved(sender, instance, created, **kwargs):
    # Villages created in code (setup_county, imports) may be live without a publish signal.
    if created and instance.live:
        _enqueue_roll([instance.pk])


def _reminder_text(user, items):
    lines = [f"{user.get_full_name() or user.username}，您好：", "", "以下事项需要您处理："]
    lines += [f"- [{i['status']}] {i['village']} {i['title']}" + (f"，期限 {i['due']:%Y年%m月%d日}" if i.get("due") else "")
              + f"\n  {settings.SITE_URL}{i['url']}" for i in items]
    lines += ["", f"全部待办：{settings.SITE_URL}/records/todo/", "", "习水县村务规程库（系统邮件，请勿回复）"]
    return "\n".join(lines)


def remind_user(user, today):
    """E-mail ``user`` the items not yet reminded today; returns how many items were in the mail.
    The SentReminder rows are written in the same transaction as the send, so a concurrent run
    waits on the unique rows and then sends nothing, and a failed send records nothing."""
    from .models import SentReminder

    items = {i["key"]: i for s in todo.sections_for(user, today) for i in s["items"] if i.get("key")}.values()
    fresh = []
    with transaction.atomic():
        for item in items:
            try:
                with transaction.atomic():
                    SentReminder.objects.create(user=user, key=item["key"][:80], day=today, sent_at=clock.now())
            except IntegrityError:
                continue
            fresh.append(item)
        if fresh:
            send_mail(f"【村务规程库】您有 {len(fresh)} 项待办", _reminder_text(user, fresh),
                      settings.DEFAULT_FROM_EMAIL, [user.email])
    return len(fresh)


@task()
def send_reminders():
    """Once a day: each active user with an e-mail address gets the items of 我的待办 not yet mailed
    today. Does nothing unless an SMTP server is configured (EMAIL_HOST)."""
    if not settings.EMAIL_HOST:
        return 0
    today = clock.today()
    sent = 0
    for user in get_user_model().objects.filter(is_active=True).exclude(email=""):
        try:
            sent += remind_user(user, today)
        except Exception:  # one bad address must not stop the others; the next run retries it
            logger.exception("reminder to %s failed", user.pk)
    return sent


@hooks.register("periodic_tasks")
def _periodic():
    return [{"name": "compliance.roll_obligations", "every": "day", "task": roll_obligations},
            {"name": "compliance.send_reminders", "every": "day", "at": "08:00", "task": send_reminders}]


def connect():
    page_published.connect(_on_published, dispatch_uid="compliance_roll_on_publish")
    post_save.connect(_on_village_saved, sender=VillagePage, dispatch_uid="compliance_roll_on_village")
