"""Compliance records in search: only the current revision of submitted records, visible to the
users allowed to see that village's records ("village:<code>"), or to everyone once disclosed
(accepted and 已线上公开). Tolerates the model not existing yet or lacking fields."""

import logging

from django.apps import apps

from search.registry import Provider, register
from search.units import PUBLIC, SearchUnit, village_visibility

logger = logging.getLogger(__name__)


def _record_model():
    try:
        return apps.get_model("compliance", "Record")
    except LookupError:
        return None


def _flatten(value, out):
    if isinstance(value, dict):
        for item in value.values():
            _flatten(item, out)
    elif isinstance(value, list | tuple):
        for item in value:
            _flatten(item, out)
    elif isinstance(value, str):
        if value.strip():
            out.append(value.strip())
    elif isinstance(value, int | float) and not isinstance(value, bool):
        out.append(str(value))
    return out


class RecordProvider(Provider):
    name = "record"
    watch_saves = True

    @property
    def model(self):
        return _record_model()

    def all_objects(self):
        model = self.model
        if model is None:
            return []
        queryset = model._default_manager.all()
        if hasattr(model, "is_current"):
            queryset = queryset.filter(is_current=True)
        return queryset.select_related("village")

    def handles(self, obj):
        model = self.model
        return model is not None and isinstance(obj, model)

    def get(self, pk):
        model = self.model
        return model._default_manager.filter(pk=pk).first() if model is not None else None

    def units_for(self, record):
        if not getattr(record, "is_current", True) or getattr(record, "state", "") == "draft":
            return []
        village = getattr(record, "village", None)
        code = getattr(village, "code", "") or ""
        if not code:
            return []
        township = ""
        try:
            township = getattr(village.get_parent().specific, "code", "") or ""
        except Exception:
            logger.debug("search: record without township", exc_info=True)
        public = getattr(record, "is_public", False) and getattr(record, "state", "") == "accepted"
        text = "\n".join(_flatten(getattr(record, "content", {}) or {}, []))
        state_label = getattr(record, "state_label", "") or ""
        try:
            url = record.get_absolute_url()
        except Exception:
            url = ""
        occurred = getattr(record, "occurred_on", None)
        return [SearchUnit(
            id=f"record:{record.pk}", source=f"record:{record.pk}", type="record", title=record.title,
            label=str(getattr(record, "kind_label", "") or ""), text=text, url=url, status=state_label,
            category=str(getattr(record, "kind_label", "") or ""), issuer=getattr(village, "title", ""),
            township=township, village=code, visibility=PUBLIC if public else village_visibility(code),
            valid_from=None, valid_to=None, doc_sort=f"record:{occurred.isoformat() if occurred else ''}",
            unit_sort=record.pk)]

    def related_sources(self, record):
        # A new revision supersedes its root: the old current one must leave the index.
        root = getattr(record, "root_id", None)
        if not root:
            return []
        model = self.model
        return [(self.name, pk) for pk in model._default_manager.filter(root_id=root).exclude(
            pk=record.pk).values_list("pk", flat=True)] + [(self.name, root)]


register(RecordProvider())
