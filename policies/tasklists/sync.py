"""Publishing a task list rebuilds the TaskItem rows of every version; rows that other records
still point at are kept, hidden from the list, so no history is cut."""

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError

from .models import TaskItem
from .taskitems import HIDDEN_ORDER, item_fields, raw_items


@transaction.atomic
def sync_version(version):
    """Rebuild the TaskItem rows of one saved version. Returns (kept_codes, undeletable_codes)."""
    values = raw_items(version)
    codes = []
    for order, value in enumerate(values):
        fields = item_fields(value)
        if not fields["code"]:
            continue
        codes.append(fields["code"])
        defaults = {k: v for k, v in fields.items() if k != "code"}
        defaults["sort_order"] = order
        TaskItem.objects.update_or_create(version=version, code=fields["code"], defaults=defaults)
    stuck = []
    for item in TaskItem.objects.filter(version=version).exclude(code__in=codes):
        if is_referenced(item):
            stuck.append(item.code)
            TaskItem.objects.filter(pk=item.pk).update(sort_order=HIDDEN_ORDER + item.sort_order % HIDDEN_ORDER)
            continue
        try:
            with transaction.atomic():
                item.delete()
        except (ProtectedError, RestrictedError):
            stuck.append(item.code)
            TaskItem.objects.filter(pk=item.pk).update(sort_order=HIDDEN_ORDER + item.sort_order % HIDDEN_ORDER)
    return codes, stuck


def is_referenced(item):
    """True when any row of another model points at ``item`` (whatever its on_delete): such rows
    (履职事项, 记录) must keep their link, so the item is kept, hidden from the list."""
    for rel in item._meta.related_objects:
        if rel.one_to_many or rel.one_to_one:
            if rel.related_model._default_manager.filter(**{rel.field.name: item}).exists():
                return True
    return False


def sync_page(page):
    result = {}
    for version in page.versions.all():
        if version.pk:
            result[version.pk] = sync_version(version)
    return result
