"""Record-level permissions on top of ``villages.access`` (the one place that knows roles)."""

from villages import access

from .models import Record


def public_records(qs):
    """What anyone may read: records disclosed online (三务公开线上), once submitted."""
    return qs.filter(is_public=True, is_current=True).exclude(state=Record.DRAFT)


def can_read_village(user, village):
    return access.can_view_village(user, village)


def can_read_record(user, record):
    if record.is_public and record.is_current and record.state != Record.DRAFT:
        return True
    return access.can_view_village(user, record.village)


def can_write(user, village):
    return access.can_submit_for(user, village)


def can_review(user, village):
    return access.can_review(user, village)


def records_for(user, village, qs=None):
    qs = qs if qs is not None else Record.objects.filter(village=village)
    if access.can_view_village(user, village):
        return qs
    return public_records(qs)
