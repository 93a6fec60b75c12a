"""Which records are public. Who may see or act for a village is ``villages.access`` (the one place
that knows roles); call it directly."""

from .models import Record


def public_records(qs):
    """What anyone may read: records disclosed online (三务公开线上), once submitted."""
    return qs.filter(is_public=True, is_current=True).exclude(state=Record.DRAFT)


def is_public(record):
    """The same rule as ``public_records``, for one record already in hand."""
    return record.is_public and record.is_current and record.state != Record.DRAFT

