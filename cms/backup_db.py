"""The database part of a backup: every row of every table, engine-neutral, timestamps exact.

Why not ``dumpdata``: Django's JSON encoder cuts datetimes to milliseconds, and loading through
``Model.save`` fires signals and rewrites ``auto_now`` fields. Here each table is read column by
column (``local_concrete_fields``, so a Wagtail page type's own table holds only its own columns)
inside ONE transaction — REPEATABLE READ on PostgreSQL, a deferred ``BEGIN`` on SQLite (WAL keeps
that reader's snapshot) — so the dump is one consistent moment even while the site is in use.
Values go to JSON Lines with full ISO timestamps; restore turns them back with each field's
``to_python`` and inserts them with their original primary keys, so content types, permissions,
generic relations (audit log, revisions) and the page tree come back identical, on either engine.

Search indexes are derived data: Wagtail's index tables are emptied, not archived, and rebuilt."""

import datetime
import decimal
import json
import types
import uuid

from django.apps import apps
from django.core.management.color import no_style
from django.db import connections, models, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils.encoding import is_protected_type

from .backup import BackupError

BATCH = 2000


def label(model):
    return model._meta.label_lower


def derived(model):
    """Wagtail's own search index (IndexEntry and the engine-specific FTS tables): emptied on
    restore and rebuilt by ``update_index``, never archived."""
    meta = model._meta
    return meta.app_label in ("wagtailsearch", "modelsearch") and "indexentry" in meta.model_name


def _columns(model):
    return list(model._meta.local_concrete_fields)


def table_models(using="default"):
    """Every concrete table of the project (auto-created M2M tables included), in a stable order."""
    existing = set(connections[using].introspection.table_names())
    found = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.swapped or meta.db_table not in existing:
            continue
        found.append(model)
    return sorted(found, key=label)


class _Encoder(json.JSONEncoder):
    def default(self, value):
        if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
            return value.isoformat()  # microseconds and offset kept, unlike DjangoJSONEncoder
        if isinstance(value, (decimal.Decimal, uuid.UUID)):
            return str(value)
        return super().default(value)


def _encode(field, value):
    """A JSON-able value that ``field.to_python`` turns back into the same Python value."""
    if value is None or is_protected_type(value) or isinstance(field, models.JSONField):
        return value
    if isinstance(value, str):
        return value
    return field.value_to_string(types.SimpleNamespace(**{field.attname: value}))


def dump(out, using="default"):
    """Writes ``[model label, [values…]]`` lines to the binary file ``out``; returns the manifest's
    ``models`` table ({label: {"table", "columns", "rows"}})."""
    connection = connections[using]
    summary = {}
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql" and _outermost(connection):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        for model in table_models(using):
            if derived(model):
                continue
            fields = _columns(model)
            names = [f.attname for f in fields]
            rows = 0
            queryset = model._base_manager.using(using).order_by(model._meta.pk.attname).values_list(*names)
            for values in queryset.iterator(chunk_size=BATCH):
                line = [label(model), [_encode(f, v) for f, v in zip(fields, values, strict=True)]]
                out.write(json.dumps(line, cls=_Encoder, ensure_ascii=False).encode() + b"\n")
                rows += 1
            summary[label(model)] = {"table": model._meta.db_table, "columns": names, "rows": rows}
    return summary


def _outermost(connection):
    # Inside an enclosing transaction (a test, a caller's atomic) the snapshot is that transaction's.
    return len(connection.atomic_blocks) == 1


def migration_state(using="default"):
    connection = connections[using]
    executor = MigrationExecutor(connection)
    applied = sorted(f"{app}.{name}" for app, name in executor.loader.applied_migrations)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return applied, pending


def check_target(manifest, using="default"):
    """Refuses a database that is not migrated or whose tables differ from the archive's."""
    applied, pending = migration_state(using)
    if pending:
        raise BackupError("数据库尚未迁移到最新版本：请先运行 python manage.py migrate，再恢复。")
    current = {label(m): m for m in table_models(using)}
    for name, facts in sorted(manifest["models"].items()):
        model = current.get(name)
        if model is None or [f.attname for f in _columns(model)] != facts.get("columns"):
            raise BackupError(f"备份的数据表 {name} 与当前程序的数据库结构不一致：请用生成备份的同一版本程序恢复。")
    missing = sorted(name for name, model in current.items() if name not in manifest["models"] and not derived(model))
    if missing:
        raise BackupError(f"当前程序有备份中没有的数据表 {missing[0]}：请用生成备份的同一版本程序恢复。")


def is_empty(using="default"):
    """A freshly migrated database: no accounts and only Wagtail's own root and welcome pages."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    plain = ContentType.objects.db_manager(using).get_for_model(Page)
    return not get_user_model()._base_manager.using(using).exists() and not (
        Page.objects.using(using).exclude(content_type=plain).exists())


def count_lines(path, manifest):
    """The dump's row counts must be the manifest's (a second guard against a half-written dump)."""
    counts = {}
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                name = json.loads(raw)[0]
            except (ValueError, IndexError, KeyError, TypeError):
                raise BackupError(f"数据库导出第 {number} 行无法读取，拒绝恢复。") from None
            counts[name] = counts.get(name, 0) + 1
    for name, facts in manifest["models"].items():
        if counts.pop(name, 0) != facts.get("rows"):
            raise BackupError(f"数据表 {name} 的行数与清单不符，备份不完整，拒绝恢复。")
    if counts:
        raise BackupError(f"数据库导出中有清单未列出的数据表 {sorted(counts)[0]}，拒绝恢复。")


def load(path, manifest, using="default", progress=None):
    """Empties every table and inserts the archived rows; call inside ``transaction.atomic``.
    Foreign keys are checked once at the end (they are deferred on both engines)."""
    connection = connections[using]
    by_label = {label(m): m for m in table_models(using)}
    tables = [m._meta.db_table for m in by_label.values()]
    with connection.cursor() as cursor:
        for statement in connection.ops.sql_flush(no_style(), tables, allow_cascade=False):
            cursor.execute(statement)
        batch, current = [], None
        with open(path, "rb") as handle:
            for raw in handle:
                name, values = json.loads(raw)
                if name != current:
                    _insert(cursor, connection, by_label.get(current), batch)
                    batch, current = [], name
                batch.append(values)
                if len(batch) >= BATCH:
                    _insert(cursor, connection, by_label[current], batch)
                    batch = []
                if progress:
                    progress(1)
        _insert(cursor, connection, by_label.get(current), batch)
        for statement in connection.ops.sequence_reset_sql(no_style(), list(by_label.values())):
            cursor.execute(statement)
    connection.check_constraints(table_names=tables)


def _insert(cursor, connection, model, rows):
    if not rows:
        return
    fields = _columns(model)
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields), ", ".join(["%s"] * len(fields)))
    params = [[f.get_db_prep_save(f.to_python(v), connection) for f, v in zip(fields, row, strict=True)] for row in rows]
    cursor.executemany(sql, params)


def counts(using="default"):
    """{model label: rows} of every archived table, to compare a restored database with its backup."""
    return {label(m): m._base_manager.using(using).count() for m in table_models(using)
            if not derived(m)}
