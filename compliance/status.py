"""Displayed status of a duty, computed from stored facts (GRC style: work and review kept apart).

The facts are: when the duty opens and falls due, when (if ever) proof was submitted, the latest
review result, and whether the duty was declared not applicable. Nothing here touches the DB."""

import datetime

NOT_DUE = "未到期"
TO_SUBMIT = "待提交"
IN_REVIEW = "待审核"
RETURNED = "已退回"
DONE = "已完成"
OVERDUE = "逾期"
DONE_LATE = "逾期后完成"
NOT_APPLICABLE = "不适用"

ALL = [NOT_DUE, TO_SUBMIT, IN_REVIEW, RETURNED, DONE, OVERDUE, DONE_LATE, NOT_APPLICABLE]
BADGE = {NOT_DUE: "info", TO_SUBMIT: "warn", IN_REVIEW: "info", RETURNED: "bad", DONE: "ok",
         OVERDUE: "bad", DONE_LATE: "warn", NOT_APPLICABLE: "muted"}

ACCEPTED = "accepted"
RETURNED_RESULT = "returned"


def _day(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        from django.utils import timezone

        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def compute_status(due, today, submitted_at=None, review="", not_applicable=False, opens=None):
    """``due``/``today``/``opens``: dates; ``submitted_at``: date or datetime of the submission the
    review is about; ``review``: "", "accepted" or "returned". ``opens`` is the first day the duty
    can be worked on (the period start); before it the duty is 未到期."""
    if not_applicable:
        return NOT_APPLICABLE
    submitted = _day(submitted_at)
    if review == ACCEPTED and submitted:
        return DONE_LATE if submitted > due else DONE
    if review == RETURNED_RESULT:
        return RETURNED
    if submitted:
        return IN_REVIEW
    if today > due:
        return OVERDUE
    if opens is not None and today < opens:
        return NOT_DUE
    return TO_SUBMIT


def counts_as_done(status):
    return status in (DONE, DONE_LATE)
