"""The one clock. Every piece of code asks this module what time and what day it is, so that a
test (or a demo frozen on a day) can set "now" for the whole process, and nothing else in the code
reads the machine's clock directly."""

import contextlib
import datetime
import os
import time

from django.utils import timezone

# (moment, monotonic reading when it was set): a frozen clock keeps ticking from that moment, so
# timestamps taken one after another still sort in the order things happened.
_frozen: tuple[datetime.datetime, float] | None = None


# A process can be started on a chosen day (browser tests' site, a demo frozen for screenshots):
# RULEBOOK_NOW=2026-11-20T10:00 in its environment.
_FROM_ENV = os.environ.get("RULEBOOK_NOW", "").strip()


def now() -> datetime.datetime:
    """The current moment, timezone-aware."""
    global _FROM_ENV
    if _FROM_ENV:
        value, _FROM_ENV = _FROM_ENV, ""
        freeze(datetime.datetime.fromisoformat(value))
    if _frozen is None:
        return timezone.now()
    moment, since = _frozen
    return moment + datetime.timedelta(seconds=time.monotonic() - since)


def today() -> datetime.date:
    """Today in the site's time zone (Asia/Shanghai): the day a deadline is judged on."""
    return timezone.localdate(now())


def _as_moment(value) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    if isinstance(value, datetime.date):
        # Noon, so that the local day is the same in every time zone we might be asked about.
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time(12, 0)))
    raise TypeError(f"not a date or datetime: {value!r}")


def freeze(value) -> None:
    """Make now() return ``value`` (a date or datetime) until ``unfreeze()``."""
    global _frozen
    _frozen = (_as_moment(value), time.monotonic())


def unfreeze() -> None:
    global _frozen
    _frozen = None


@contextlib.contextmanager
def frozen(value):
    """``with clock.frozen(date(2027, 1, 1)): ...`` — now() is that moment inside the block."""
    global _frozen
    previous = _frozen
    freeze(value)
    try:
        yield
    finally:
        _frozen = previous
