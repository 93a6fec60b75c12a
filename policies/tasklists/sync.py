"""Publishing a task list rebuilds the TaskItem rows of every version without cutting history.

A row that another record points at (a 履职事项, a record) is never rewritten or deleted: when its
item changes, a new row takes its place in the list and the old one stays, hidden, as the text
those records met; when its item leaves the list it stays hidden. Rows nobody points at follow the
stream (updated in place, or deleted)."""

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError

from .models import TaskItem
from .taskitems import HIDDEN_ORDER, item_fields, raw_items


def _hide(item):
    TaskItem.objects.filter(pk=item.pk).update(sort_order=HIDDEN_ORDER + item.sort_order % HIDDEN_ORDER)


def _same(item, fields):
    return all(getattr(item, name) == value for name, value in fields.items())


@transaction.atomic
def sync_version(version):
    """Rebuild the TaskItem rows of one saved version. Returns (listed_codes, kept_hidden_codes)."""
    listed = {i.code: i for i in TaskItem.objects.filter(version=version, sort_order__lt=HIDDEN_ORDER)}
    codes, stuck = [], []
    for order, value in enumerate(raw_items(version)):
        fields = item_fields(value)
        if not fields["code"] or fields["code"] in codes:
            continue
        codes.append(fields["code"])
        row = listed.get(fields["code"])
        if row is not None and _same(row, fields):
            if row.sort_order != order:
                TaskItem.objects.filter(pk=row.pk).update(sort_order=order)
            continue
        if row is not None and not is_referenced(row):
            TaskItem.objects.filter(pk=row.pk).update(sort_order=order, **fields)
            continue
        if row is not None:  # changed, and history points at it: keep it, list a new row
            _hide(row)
            stuck.append(row.code)
        TaskItem.objects.create(version=version, sort_order=order, **fields)
    for code, item in listed.items():
        if code in codes:
            continue
        if is_referenced(item):
            stuck.append(code)
            _hide(item)
            continue
        try:
            with transaction.atomic():
                item.delete()
        except (ProtectedError, RestrictedError):
            stuck.append(code)
            _hide(item)
    return codes, stuck


def _referrers(obj):
    """``{model: {pk…}}`` of the rows of other models that point at ``obj`` (whatever their on_delete)."""
    found = {}
    for rel in obj._meta.related_objects:
        if rel.one_to_many or rel.one_to_one:
            pks = set(rel.related_model._default_manager.filter(**{rel.field.name: obj}).values_list("pk", flat=True))
            if pks:
                found.setdefault(rel.related_model, set()).update(pks)
    return found


def is_referenced(item):
    """True when any row of another model points at ``item``: such rows (履职事项, 记录) must keep
    their link, so the item is kept, hidden from the list."""
    for rel in item._meta.related_objects:
        if rel.one_to_many or rel.one_to_one:
            if rel.related_model._default_manager.filter(**{rel.field.name: item}).exists():
                return True
    return False


def version_references(version):
    """What depends on a version: rows pointing at it or at any of its items (its own items are
    not a dependency: they go with it), each row counted once. ``[(verbose name, count)]``."""
    found = {model: pks for model, pks in _referrers(version).items() if model is not TaskItem}
    for item in TaskItem.objects.filter(version=version):
        for model, pks in _referrers(item).items():
            found.setdefault(model, set()).update(pks)
    return sorted((str(model._meta.verbose_name), len(pks)) for model, pks in found.items())


def sync_page(page):
    result = {}
    for version in page.versions.all():
        if version.pk:
            result[version.pk] = sync_version(version)
    return result
