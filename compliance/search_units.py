"""Compliance records in search: only the current revision of submitted records, visible to the
users allowed to see that village's records ("village:<code>"), or to everyone once disclosed
(accepted and 已线上公开)."""

from django.urls import reverse

from compliance.models import Record
from search.registry import Provider, register
from search.units import PUBLIC, SearchUnit, village_visibility
from villages.models import VillagePage, attach_townships


def _flatten(value, out):
    # Strings first: they are most of a record's leaves (a full reindex flattens every record).
    if isinstance(value, str):
        value = value.strip()
        if value:
            out.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _flatten(item, out)
    elif isinstance(value, list | tuple):
        for item in value:
            _flatten(item, out)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        out.append(str(value))
    return out


UNIT_FIELDS = ["village", "kind", "title", "occurred_on", "content", "state", "is_public", "is_current"]


class RecordProvider(Provider):
    name = "record"
    model = Record
    watch_saves = True

    def all_objects(self):
        # No select_related("village"): a page instance per record is the costliest part of a
        # full reindex; units_for_many shares one instance per village instead. Only the fields
        # the unit shows (the other JSON and timestamps cost more to convert than to read).
        return Record.objects.filter(is_current=True).only(*UNIT_FIELDS)

    def units_for(self, record):
        return self._units(record, record.get_absolute_url())

    def units_for_many(self, records):
        # The batch's villages (with their townships) once each, not one per record; URLs from one
        # reverse() (reversing tens of thousands of times costs more than reading the records).
        villages = VillagePage.objects.in_bulk({record.village_id for record in records})
        attach_townships(list(villages.values()))
        marker = 987654321
        pattern = reverse("compliance:record", args=[marker])
        for record in records:
            record.village = villages[record.village_id]
            yield from self._units(record, pattern.replace(str(marker), str(record.pk)))

    def _units(self, record, url):
        if not record.is_current or record.state == Record.DRAFT:
            return []
        village = record.village
        code = village.code or ""
        if not code:
            return []
        township = getattr(village.township, "code", "") or ""
        public = record.is_public and record.state == Record.ACCEPTED
        text = "\n".join(_flatten(record.content or {}, []))
        kind = str(record.kind_label or "")
        return [SearchUnit(
            id=f"record:{record.pk}", source=f"record:{record.pk}", type="record", title=record.title,
            label=kind, text=text, url=url, status=record.state_label or "",
            category=kind, issuer=village.title, township=township, village=code,
            visibility=PUBLIC if public else village_visibility(code), valid_from=None, valid_to=None,
            doc_sort=f"record:{record.occurred_on.isoformat() if record.occurred_on else ''}", unit_sort=record.pk)]

    def related_sources(self, record):
        # A new revision supersedes its root: the old current one must leave the index.
        root = record.root_id
        if not root:
            return []
        others = Record.objects.filter(root_id=root).exclude(pk=record.pk).values_list("pk", flat=True)
        return [(self.name, pk) for pk in others] + [(self.name, root)]


register(RecordProvider())
