"""Everything that changes records, shared by the form views and the API: one set of rules."""

import datetime
import functools

from django.db import IntegrityError, OperationalError, models, transaction
from django.utils import timezone

from core import clock
from policies.models import RegulationVersion

from . import audit, evidence, rules
from . import kinds as k
from . import status as st
from .models import Citation, ElevatedSupervision, Obligation, Record, Review, SupervisionAction


class Invalid(Exception):
    """Carries ``errors``: field → Chinese message. Nothing was saved."""

    def __init__(self, errors):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


RETRY = "系统繁忙，本次操作未保存，请稍后重试。"
CONFLICT = "该记录刚刚已被他人处理，本次操作未保存；请刷新页面查看最新状态。"
_BUSY_SIGNS = ("locked", "deadlock", "could not serialize", "could not obtain lock")


def transition(func):
    """One atomic transition: the whole function runs in one transaction and the rows it changes
    are locked and re-checked inside it (``_lock_family``). Two requests racing for the same change
    end with one effect; the loser gets a Chinese message, never an HTTP 500: a unique/check
    constraint (the database's own guard) becomes ``CONFLICT``, a busy SQLite ("database is
    locked") or a PostgreSQL deadlock becomes ``RETRY``. Nothing was saved in either case."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with transaction.atomic():
                return func(*args, **kwargs)
        except IntegrityError as exc:
            raise Invalid({"state": CONFLICT}) from exc
        except OperationalError as exc:
            if any(sign in str(exc).lower() for sign in _BUSY_SIGNS):
                raise Invalid({"state": RETRY}) from exc
            raise

    return wrapper


def _lock_family(record):
    """Lock the family of ``record`` (all its revisions share the root row, so locking the root
    serialises every transition on any revision) and return ``record`` as it is now."""
    list(Record.objects.select_for_update().filter(pk=record.root_id_or_self).only("id"))
    return Record.objects.select_related("village").get(pk=record.pk)


def clean(village, kind, title, occurred_on, data, final):
    errors = {}
    if kind not in k.KIND_LABELS:
        raise Invalid({"kind": "未知的记录类型。"})
    title = (title or "").strip()
    if not title:
        errors["title"] = "请填写标题。"
    elif len(title) > 160:
        errors["title"] = "标题不能超过 160 字。"
    day = None
    try:
        day = k.parse_date(occurred_on) if occurred_on else None
    except ValueError:
        errors["occurred_on"] = "日期格式应如 2026-11-05。"
    if day is None and "occurred_on" not in errors:
        errors["occurred_on"] = "请填写日期。"
    elif day and day > clock.today() + datetime.timedelta(days=1):
        errors["occurred_on"] = "日期不能晚于今天。"
    content, field_errors = k.parse(kind, data, final)
    errors.update(field_errors)
    rule_errors, flags = rules.check(kind, content, final, village.secretary, day)
    for key, message in rule_errors.items():
        errors.setdefault(key, message)
    if errors:
        raise Invalid(errors)
    return title, day, content, flags


def parse_citations(values):
    """``["<version id>:第十二条", …]`` or dicts ``{"version": id, "article": "第十二条"}``."""
    result, errors = [], {}
    for value in values or []:
        if isinstance(value, dict):
            version_id, label = value.get("version"), value.get("article", "")
        else:
            version_id, _, label = str(value).partition(":")
        version = RegulationVersion.objects.filter(pk=str(version_id).strip() or 0).select_related("page").first() \
            if str(version_id).strip().isdigit() else None
        article = next((a for a in version.articles() if a.label == str(label).strip()), None) if version else None
        if article is None:
            errors["citations"] = f"引用的条文“{str(label)[:20]}”不存在。"
            continue
        result.append((version, article))
    return result, errors


def check_obligations(village, ids):
    ids = [int(i) for i in ids or [] if str(i).isdigit()]
    found = list(Obligation.objects.filter(village=village, pk__in=ids))
    if len(found) != len(set(ids)):
        raise Invalid({"obligations": "所选履职事项不属于本村或不存在。"})
    return found


@transition
def save(village, user, kind, title, occurred_on, data, *, submit, obligations=(), citations=(), files=(),
         record=None):
    """Create or update (a draft) or submit. Raises ``Invalid``; on error nothing is saved."""
    if record is not None:
        record = _lock_family(record)
        if not record.is_current:
            raise Invalid({"state": "该记录已有更新的版本，本次未保存；请在最新版本上修改。"})
        if record.state not in (Record.DRAFT, Record.RETURNED):
            raise Invalid({"state": "已提交的记录不能直接修改，请提交更正版本。"})
    # Every check runs even when an earlier one fails, so the user sees all problems at once
    # (including a bad attachment) instead of fixing them one submission at a time.
    errors = {}
    try:
        title, day, content, flags = clean(village, kind, title, occurred_on, data, final=submit)
    except Invalid as exc:
        errors.update(exc.errors)
        content = {}
    try:
        found = check_obligations(village, obligations)
    except Invalid as exc:
        errors.update(exc.errors)
    cited, citation_errors = parse_citations(citations)
    errors.update(citation_errors)
    checked = []
    for upload in files:
        try:
            checked.append((upload, evidence.inspect(upload)))
        except ValueError as exc:
            errors["files"] = str(exc)
    has_photo = any(f["file_type"] in ("jpg", "png") for _u, f in checked) or (
        record is not None and record.attachments.filter(file_type__in=["jpg", "png"]).exists())
    channel = content.get("channel", data.get("channel"))
    if submit and kind == k.DISCLOSURE and channel and channel != "线上" and not has_photo:
        errors["files"] = "公开栏、组公告栏公开须上传公开现场照片。"
    if errors:
        raise Invalid(errors)
    resubmitted = record is not None and record.state == Record.RETURNED
    if record is None:
        record = Record(village=village, kind=kind, created_by=user if user.is_authenticated else None)
    elif record.state == Record.RETURNED:
        # A returned record is corrected as a new revision: the returned one stays in the history.
        record = new_revision(record, user)
    record.title, record.occurred_on, record.content, record.flags = title, day, content, flags
    record.is_public = kind == k.DISCLOSURE and content.get("channel") == "线上" or (
        kind == k.SIYI and bool(content.get("s5_channel") == "线上"))
    if submit:
        record.state, record.submitted_at = Record.SUBMITTED, clock.now()
    record.save()
    if found or obligations:
        record.obligations.set(found)
    if citations:
        record.citations.all().delete()
        Citation.objects.bulk_create([Citation(record=record, regulation=v.page, version=v, article=a.label,
                                               anchor=a.anchor) for v, a in cited])
    for upload, facts in checked:
        evidence.store(record, upload, facts, user)
    if kind == k.SIYI and record.revision == 1:
        from .obligations import open_matter

        open_matter(record)
    if submit:
        sync_obligations(record)
        audit.record(record, "compliance.resubmit" if resubmitted else "compliance.submit", user,
                     revision=record.revision)
    return record


def new_revision(record, user):
    """Copy ``record`` as the next revision; the old one stays, no longer current."""
    old_obligations = list(record.obligations.all())
    old_citations = list(record.citations.all())
    root = record.root_id_or_self
    # The caller holds the family lock: no other revision can appear between these two statements.
    family = Record.objects.filter(models.Q(pk=root) | models.Q(root_id=root))
    family.filter(is_current=True).update(is_current=False)
    latest = family.order_by("-revision").values_list("revision", flat=True).first()
    copy = Record(village=record.village, kind=record.kind, title=record.title, occurred_on=record.occurred_on,
                  content=record.content, flags=record.flags, root_id=root,
                  revision=max(latest or 1, record.revision) + 1, is_current=True,
                  created_by=user if user.is_authenticated else None, is_public=record.is_public)
    copy.save()
    copy.obligations.set(old_obligations)
    Citation.objects.bulk_create([Citation(record=copy, regulation_id=c.regulation_id, version_id=c.version_id,
                                           article=c.article, anchor=c.anchor) for c in old_citations])
    for attachment in record.attachments.all():
        attachment.pk, attachment.record = None, copy
        attachment.save()
    return copy


def sync_obligations(record):
    """Copy the record's submission/review facts onto the obligations it meets."""
    review = {Record.ACCEPTED: st.ACCEPTED, Record.RETURNED: st.RETURNED_RESULT}.get(record.state, "")
    submitted_on = timezone.localdate(record.submitted_at) if record.submitted_at else None
    record.obligations.update(submitted_at=record.submitted_at, submitted_on=submitted_on, review=review,
                              reviewed_at=record.reviewed_at)


@transition
def review(record, user, result, comment):
    record = _lock_family(record)
    if record.state != Record.SUBMITTED or not record.is_current:
        raise Invalid({"state": "只有待审核的当前版本可以审核；该记录可能刚刚已被审核，请刷新页面。"})
    comment = (comment or "").strip()
    if result not in (st.ACCEPTED, st.RETURNED_RESULT):
        raise Invalid({"result": "审核结果应为“通过”或“退回”。"})
    if result == st.RETURNED_RESULT and not comment:
        raise Invalid({"comment": "退回时须写明理由。"})
    if len(comment) > 2000:
        raise Invalid({"comment": "审核意见不能超过 2000 字。"})
    record.state = Record.ACCEPTED if result == st.ACCEPTED else Record.RETURNED
    record.reviewed_at, record.review_comment = clock.now(), comment
    record.save(update_fields=["state", "reviewed_at", "review_comment", "updated_at"])
    Review.objects.create(record=record, reviewer=user, result=result, comment=comment)
    sync_obligations(record)
    audit.record(record, "compliance.accept" if result == st.ACCEPTED else "compliance.return", user,
                 comment=comment)
    return record


@transition
def correct(record, user):
    """Start a correction of a submitted/accepted record: a new draft revision."""
    record = _lock_family(record)
    if not record.is_current:
        raise Invalid({"state": "只能更正当前版本；该记录已有更新的版本，请刷新页面。"})
    if record.state == Record.DRAFT:
        return record
    copy = new_revision(record, user)
    audit.record(copy, "compliance.correct", user, previous=record.pk, revision=copy.revision)
    return copy


@transition
def revise(record, user, title, occurred_on, data, *, submit=True, obligations=(), citations=(), files=()):
    """A correction or resubmission in one step (the API's): a returned record or a draft is saved
    as with the form (a returned one as a new revision); a submitted or accepted one gets a new
    revision carrying the new content. Same checks as ``save``; on error nothing is saved."""
    record = _lock_family(record)
    if not record.is_current:
        raise Invalid({"state": "该记录已有更新的版本，本次未保存；请在最新版本上修改。"})
    if record.state in (Record.SUBMITTED, Record.ACCEPTED):
        previous, record = record, new_revision(record, user)
        audit.record(record, "compliance.correct", user, previous=previous.pk, revision=record.revision)
    return save(record.village, user, record.kind, title, occurred_on, data, submit=submit,
                obligations=obligations, citations=citations, files=files, record=record)


def _lock_village(village):
    """Serialise supervision changes of one village (the page row is the natural lock)."""
    from villages.models import VillagePage

    list(VillagePage.objects.select_for_update().filter(pk=village.pk).only("id"))


@transition
def mark_not_applicable(obligation, user, reason):
    """不适用 with who, when and why; the log keeps every mark and withdrawal."""
    reason = (reason or "").strip()
    if not reason:
        raise Invalid({"na_reason": "请写明不适用的理由。"})
    obligation = Obligation.objects.select_for_update().get(pk=obligation.pk)
    if obligation.not_applicable:
        raise Invalid({"na_reason": "该事项已标记为不适用。"})
    obligation.not_applicable, obligation.na_reason = True, reason[:200]
    obligation.na_by, obligation.na_at = user, clock.now()
    obligation.save(update_fields=["not_applicable", "na_reason", "na_by", "na_at"])
    audit.record(obligation, "compliance.not_applicable", user, reason=obligation.na_reason)
    return obligation


@transition
def withdraw_not_applicable(obligation, user, reason):
    """Undo a 不适用: the duty counts again; who marked it, when and why stay in the log."""
    reason = (reason or "").strip()
    if not reason:
        raise Invalid({"na_reason": "请写明撤回不适用的理由。"})
    obligation = Obligation.objects.select_for_update().get(pk=obligation.pk)
    if not obligation.not_applicable:
        raise Invalid({"na_reason": "该事项未标记为不适用。"})
    audit.record(obligation, "compliance.not_applicable_withdrawn", user, reason=reason[:200],
                 marked_reason=obligation.na_reason, marked_at=obligation.na_at and obligation.na_at.isoformat())
    obligation.not_applicable, obligation.na_reason, obligation.na_by, obligation.na_at = False, "", None, None
    obligation.save(update_fields=["not_applicable", "na_reason", "na_by", "na_at"])
    return obligation


@transition
def open_action(village, user, kind, reason, rectify_by=None, obligation=None):
    """A 督导措施. The same measure for the same matter on the same day is one measure: a repeated
    click or a resent request is refused instead of recorded twice."""
    _lock_village(village)
    duplicate = SupervisionAction.objects.filter(village=village, obligation=obligation, kind=kind,
                                                 reason=reason[:2000], issued_on=clock.today())
    if duplicate.exists():
        raise Invalid({"状态": "同样的督导措施今天已经登记，未重复登记。"})
    action = SupervisionAction.objects.create(village=village, obligation=obligation, kind=kind,
                                              reason=reason[:2000], issued_by=user, rectify_by=rectify_by)
    audit.record(action, "compliance.supervision_open", user, kind=kind, village=village.code)
    return action


@transition
def close_action(action, user, closed_on, note):
    action = SupervisionAction.objects.select_for_update().get(pk=action.pk)
    if action.kind != SupervisionAction.RECTIFY or action.closed_on:
        raise Invalid({"状态": "只有未结的责令整改可以销号；该整改可能刚刚已被销号。"})
    if closed_on < action.issued_on:
        raise Invalid({"整改完成日期": "整改完成日期不能早于督导日期。"})
    action.closed_on, action.closure_note = closed_on, note[:2000]
    action.save(update_fields=["closed_on", "closure_note"])
    audit.record(action, "compliance.supervision_close", user, closed_on=closed_on.isoformat())
    return action


@transition
def elevate(village, user, reason):
    _lock_village(village)
    current = ElevatedSupervision.objects.filter(village=village).first()
    if current is not None and current.until is None:
        raise Invalid({"reason": "该村已在提级监督中。"})
    if current is None:
        current = ElevatedSupervision(village=village)
    current.reason, current.since, current.until = reason[:200], clock.today(), None
    current.save()
    audit.record(current, "compliance.elevate", user, village=village.code, reason=current.reason)
    return current


@transition
def end_elevation(village, user):
    _lock_village(village)
    current = ElevatedSupervision.objects.filter(village=village, until__isnull=True).first()
    if current is None:
        raise Invalid({"reason": "该村不在提级监督中。"})
    current.until = max(clock.today(), current.since)
    current.save(update_fields=["until"])
    audit.record(current, "compliance.elevate_end", user, village=village.code)
    return current
