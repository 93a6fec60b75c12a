import os
import tempfile
from pathlib import Path

import django
import wagtail
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from cms import backup, backup_db
from core import clock


class Command(BaseCommand):
    help = "备份：把数据库（一致快照）、媒体文件和佐证材料写入一个 .tar.gz 文件，附清单（行数、SHA-256）。"

    def add_arguments(self, parser):
        parser.add_argument("file", help="备份文件路径，如 /backup/rulebook-2026-12-04.tar.gz")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, **options):
        target = Path(options["file"])
        if target.is_dir() or not target.parent.is_dir():
            raise CommandError(f"无法写入 {target}：请给出一个已存在目录下的文件名。")
        using = options["database"]
        connection = connections[using]
        roots = backup.file_roots()
        manifest = {
            "format": backup.FORMAT, "version": backup.VERSION, "created_at": clock.now().isoformat(),
            "django": django.get_version(), "wagtail": wagtail.__version__,
            "engine": connection.vendor, "roots": {name: str(path) for name, path in roots.items()},
        }
        handle, dump_path = tempfile.mkstemp(prefix="rulebook-backup-", suffix=".jsonl", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                manifest["models"] = backup_db.dump(out, using=using)
            manifest["migrations"] = backup_db.migration_state(using)[0]
            backup.write_archive(target, dump_path, manifest, roots)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            os.unlink(dump_path)
        rows = sum(m["rows"] for m in manifest["models"].values())
        files = len(manifest["files"]) - 1
        size = target.stat().st_size
        self.stdout.write(self.style.SUCCESS(
            f"备份完成：{target}（{size / 1024 / 1024:.1f} MB）：{len(manifest['models'])} 张数据表共 {rows} 行，"
            f"{files} 个文件。"))
