import tempfile

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, transaction

from cms import backup, backup_db


class Command(BaseCommand):
    help = ("从 backup 命令生成的文件恢复数据库、媒体文件和佐证材料，然后重建检索索引。"
            "目标数据库须已迁移（migrate）且为空；整个文件先全部校验，有任何问题都不写入任何内容。")

    def add_arguments(self, parser):
        parser.add_argument("file", help="backup 命令生成的 .tar.gz 文件")
        parser.add_argument("--force", action="store_true",
                            help="目标数据库或目录已有内容时也恢复：现有数据全部被备份内容替换")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, **options):
        using, force = options["database"], options["force"]
        with tempfile.TemporaryDirectory(prefix="rulebook-restore-") as scratch:
            try:
                manifest = backup.unpack(options["file"], f"{scratch}/archive")
                dump = f"{scratch}/archive/{backup.DATABASE}"
                backup_db.count_lines(dump, manifest)
                backup_db.check_target(manifest, using)
                if not force and not backup_db.is_empty(using):
                    raise backup.BackupError(
                        "目标数据库不是空的（已有用户或页面）：恢复只能在新建并迁移过的空数据库中进行。"
                        "确认要用备份替换现有全部数据，请加 --force。")
                plan = backup.plan_files(manifest, f"{scratch}/archive", backup.file_roots(), force=force)
            except backup.BackupError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(f"备份已校验：{manifest['created_at']} 生成，{len(manifest['models'])} 张数据表，"
                              f"{len(plan)} 个文件。正在恢复……")
            undo = None
            try:
                with transaction.atomic(using=using):
                    backup_db.load(dump, manifest, using)
                    undo = backup.place_files(plan, scratch)
            except Exception as exc:
                if undo:
                    undo()
                raise CommandError(f"恢复失败，数据库和文件均未改动：{exc}") from exc
        self.stdout.write(self.style.SUCCESS("数据和文件已恢复。正在重建检索索引……"))
        try:
            call_command("search_reindex", wagtail=True, verbosity=0, stdout=self.stdout, stderr=self.stderr)
        except Exception as exc:  # the data is safe; only the derived index is missing
            raise CommandError(f"数据已恢复，但重建检索索引失败：{exc}。请修复后运行 python manage.py search_reindex --wagtail。"
                               ) from exc
        self.stdout.write(self.style.SUCCESS("恢复完成，检索索引已重建。"))
