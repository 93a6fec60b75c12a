"""One code path from a parsed document to a regulation draft, used by the import_regulation
command and the admin upload view. Everything happens in one transaction: a failure writes nothing."""

import datetime

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page

from core import clock

from ...versioning.status import validate_no_overlap
from ..models import RegulationIndexPage, RegulationPage, RegulationVersion
from .text import ParseError


def unique_slug(parent, title):
    base = slugify(title, allow_unicode=True)[:60] or "zhidu"
    slug, n = base, 2
    while Page.objects.child_of(parent).filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def find_regulation(value):
    """``--version-of``: a page id or slug."""
    value = str(value).strip()
    page = None
    if value.isdigit():
        page = RegulationPage.objects.filter(pk=int(value)).first()
    if page is None:
        page = RegulationPage.objects.filter(slug=value).first()
    if page is None:
        raise ParseError(f"找不到要添加新版本的制度：“{value}”（请填写制度的编号或 slug）。")
    return page


def parse_date(value, what="生效日期"):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ParseError(f"{what}“{value}”格式不对，应为 YYYY-MM-DD，如 2024-01-01。") from exc


def create_from_parsed(parsed, *, title=None, number=None, issuer=None, effective=None, category=None,
                       version_of=None, publish=False, user=None, label=None, is_demo=False):
    """Creates a new RegulationPage (draft) or adds a version to an existing one (as a draft
    revision: the live page keeps its text until the revision is published).

    Returns ``(page, version)``; ``version.pk`` is None for an unpublished new version."""
    title = (title or parsed.title or "").strip()
    if not title:
        raise ParseError("没有识别到制度标题，请填写标题。")
    effective = parse_date(effective) or parsed.effective_from or clock.today()
    number = (number if number is not None else parsed.doc_number or "").strip()
    is_trial = "试行" in title
    version = RegulationVersion(
        label=label or f"{effective.year}年{'试行' if is_trial else ''}版",
        doc_number=number, effective_from=effective, is_trial=is_trial, body=parsed.stream)

    with transaction.atomic():
        if version_of is not None:
            page = version_of if isinstance(version_of, RegulationPage) else find_regulation(version_of)
            draft = page.get_latest_revision_as_object() if page.get_latest_revision() else page
            existing = list(draft.versions.all())
            errors = validate_no_overlap([*existing, version])
            if errors:
                raise ParseError(errors[0])
            draft.versions.add(version)
            if number:
                draft.doc_number = number
            revision = draft.save_revision(user=user, log_action=True)
            page = draft
        else:
            index = RegulationIndexPage.objects.first()
            if index is None:
                raise ParseError("站点还没有“制度库”页面，无法导入。")
            page = RegulationPage(title=title, slug=unique_slug(index, title), doc_number=number,
                                  issuer=(issuer or parsed.issuer or "中共习水县委组织部").strip(),
                                  category=category, is_demo=is_demo, live=False, owner=user)
            page.versions.add(version)
            index.add_child(instance=page)
            revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
            page = RegulationPage.objects.get(pk=page.pk)
            version = page.versions.get(effective_from=effective)
    return page, version
