"""What every kind's reading module shares: who counts as an editor of a page, the one date format of
URLs and API parameters, and the rule that only editors see versions that have not taken effect."""

import datetime

from core import clock


def parse_day(value):
    """``"2026-01-31"`` → date; None for anything else (callers turn it into their own message)."""
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def can_edit(page, user):
    if user is None or not user.is_authenticated:
        return False
    return page.permissions_for_user(user).can_edit()


def taken_effect(versions, editor):
    """Editors see every version; everyone else only versions that have taken effect (today is the
    clock's day, whatever day is being read: a future text stays private until it starts)."""
    if editor:
        return list(versions)
    today = clock.today()
    return [v for v in versions if v.effective_from and v.effective_from <= today]
