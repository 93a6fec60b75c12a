"""Periodic jobs. Apps declare theirs with the ``periodic_tasks`` Wagtail hook (a function returning
``[{"name", "every": "minute"|"day", "at": "HH:MM" (optional), "task"}]``); ``due_jobs`` and
``tick`` decide what is due now and queue each job once per slot (minute or day), recorded in
PeriodicRun under a unique constraint, so two ticks in the same minute queue it once."""

import contextlib
import zlib

from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django_tasks import task
from wagtail import hooks

from core import clock

from .models import PeriodicRun


@contextlib.contextmanager
def exclusive(name):
    """Yields True when this process holds the job's lock. On PostgreSQL a session advisory lock,
    so a second worker skips a run already in progress; SQLite serialises writers itself."""
    if connection.vendor != "postgresql":
        yield True
        return
    key = zlib.crc32(name.encode())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        got = cursor.fetchone()[0]
    try:
        yield got
    finally:
        if got:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


@task()
def publish_scheduled():
    """Wagtail's scheduled publishing (go-live and expiry), as ``manage.py publish_scheduled``."""
    with exclusive("cms.publish_scheduled") as got:
        if got:
            call_command("publish_scheduled", verbosity=0)
    return bool(got)


@hooks.register("periodic_tasks")
def _periodic():
    return [{"name": "cms.publish_scheduled", "every": "minute", "task": publish_scheduled}]


def jobs():
    result = []
    for fn in hooks.get_hooks("periodic_tasks"):
        result += fn()
    return result


def _slot(job, now):
    if job["every"] == "minute":
        return now.strftime("%Y-%m-%dT%H:%M")
    if job.get("at") and now.strftime("%H:%M") < job["at"]:
        return None  # not yet time today
    return now.strftime("%Y-%m-%d")


def tick(now=None):
    """Queue every periodic job due at ``now`` (default: the clock) not yet queued in its slot;
    returns the names queued."""
    now = timezone.localtime(now or clock.now())
    queued = []
    for job in jobs():
        slot = _slot(job, now)
        if slot is None:
            continue
        try:
            with transaction.atomic():
                PeriodicRun.objects.create(job=job["name"], slot=slot, queued_at=now)
                job["task"].enqueue()
        except IntegrityError:
            continue  # queued already in this slot
        queued.append(job["name"])
    return queued
