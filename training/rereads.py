"""已学习确认 and re-reads after a material revision (one receipt per user per version)."""

from django.contrib.auth import get_user_model
from django.db import transaction

from core import clock
from core.roles import FIRST_SECRETARY

from .models import MaterialRevision, ReadAssignment, ReadReceipt


def confirm(user, version, now=None):
    """Idempotent: confirming twice keeps the first time."""
    receipt, _ = ReadReceipt.objects.get_or_create(user=user, version=version,
                                                   defaults={"confirmed_at": now or clock.now()})
    return receipt


def assignees(version):
    """Members of 第一书记 plus anyone who confirmed an earlier version of the same regulation."""
    earlier = ReadReceipt.objects.filter(version__page_id=version.page_id).exclude(version=version)
    User = get_user_model()
    return (User.objects.filter(groups__name=FIRST_SECRETARY) | User.objects.filter(
        pk__in=earlier.values("user_id"))).distinct()


@transaction.atomic
def mark_material(version, by, due_on, note="", today=None, users=None):
    """Marks ``version`` material and assigns a re-read to every assignee (idempotent)."""
    today = today or clock.today()
    if due_on < today:
        raise ValueError("学习截止日期不能早于今天。")
    revision, _ = MaterialRevision.objects.get_or_create(
        version=version, defaults={"marked_by": by, "due_on": due_on, "note": note})
    assign(revision, users if users is not None else assignees(version), today)
    return revision


def assign(revision, users, today=None):
    today = today or clock.today()
    existing = set(ReadAssignment.objects.filter(version=revision.version).values_list("user_id", flat=True))
    ReadAssignment.objects.bulk_create([
        ReadAssignment(user=u, version=revision.version, revision=revision, assigned_on=today,
                       due_on=revision.due_on) for u in users if u.pk not in existing])


def open_assignments(user, today=None):
    """The user's re-reads without a receipt, each with ``overdue`` set."""
    today = today or clock.today()
    done = ReadReceipt.objects.filter(user=user).values("version_id")
    rows = list(ReadAssignment.objects.filter(user=user).exclude(version_id__in=done)
                .select_related("version", "version__page").order_by("due_on"))
    for row in rows:
        row.overdue = row.due_on < today
    return rows
