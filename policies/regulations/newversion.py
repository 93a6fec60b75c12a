"""新建版本: an amendment starts from the text in force, so the editor changes only what changes.

One function the admin view (and any script) calls: it appends a version to the page's draft (the
latest revision, as the Word import does) and saves a revision; the live page keeps its text until
that revision is published through the usual workflow."""

import datetime

from django.db import transaction

from core import clock
from core.dates import cn_date

from ..versioning.status import validate_no_overlap, version_in_force
from .models import RegulationVersion
from .parser.text import ParseError


def draft_of(page):
    return page.get_latest_revision_as_object() if page.get_latest_revision() else page


def source_version(draft, on=None):
    """The text the new version starts from: the version in force today, else the latest one."""
    versions = list(draft.versions.all())
    if not versions:
        return None
    in_force = version_in_force(versions, on or clock.today(), draft.repealed_on)
    return in_force or max(versions, key=lambda v: v.effective_from)


def _fresh_ids(stream):
    """The copied blocks get new ids (Wagtail assigns them on save): no two versions share a block."""
    return [{key: value for key, value in block.items() if key != "id"} for block in stream]


def add_version_from_current(page, *, label, effective_from, doc_number="", change_note="", user=None):
    """Appends to ``page``'s draft a version titled ``label`` from ``effective_from`` whose body is a
    copy of the text in force. Returns ``(draft, new_version, source)``; raises ``ParseError`` with a
    Chinese message (and changes nothing) when the new version cannot follow the existing ones."""
    label = (label or "").strip()
    if not label:
        raise ParseError("请填写新版本的名称，如“2027年修订版”。")
    if not isinstance(effective_from, datetime.date):
        raise ParseError("请填写新版本的生效日期。")
    with transaction.atomic():
        draft = draft_of(page)
        source = source_version(draft)
        if source is None:
            raise ParseError("该制度还没有任何版本，无法复制；请直接新建或从Word导入。")
        if effective_from <= source.effective_from:
            raise ParseError(f"新版本的生效日期应晚于所复制版本“{source.label}”的生效日期"
                             f"（{cn_date(source.effective_from)}）。")
        if any(v.label == label for v in draft.versions.all()):
            raise ParseError(f"已有名为“{label}”的版本，请换一个名称。")
        version = RegulationVersion(label=label, doc_number=(doc_number or "").strip(), effective_from=effective_from,
                                    change_note=(change_note or "").strip(), body=_fresh_ids(source.raw_body()))
        errors = validate_no_overlap([*draft.versions.all(), version])
        if errors:
            raise ParseError(errors[0])
        draft.versions.add(version)
        draft.save_revision(user=user, log_action=True)
    return draft, version, source
