"""``setup_county --name 习水县 --code 520330 [--villages FILE]``: a county on an empty install.

Everything is checked before anything is written, and all of it is one transaction: a bad file
leaves the database exactly as it was."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms.county import SetupError, check_code, setup
from villages import county, importer


class Command(BaseCommand):
    help = "设置一个县：首页、制度库/清单库/村规民约、角色、审核流程，并可从表格导入乡镇和村（社区）。可重复运行。"

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="县名，如 习水县")
        parser.add_argument("--code", required=True, help="6 位县级行政区划代码，如 520330")
        parser.add_argument("--villages", help="乡镇和村（社区）表格（.xlsx 或 .csv），列：" + "、".join(importer.COLUMNS))

    def handle(self, *args, name, code, villages=None, **options):
        run(self.stdout, name.strip(), code.strip(), villages)


def read_plan(path, code):
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"找不到文件：{path}")
    return importer.parse(file.read_bytes(), file.name, code)


def run(stdout, name, code, villages_path=None, data=None, filename=None, village_fields=None, is_demo=False,
        progress=None, intro=""):
    """Shared by the command and ``load_demo`` (which passes its generated table as ``data``)."""
    if not name:
        raise CommandError("县名不能为空。")
    try:
        check_code(code)
    except SetupError as exc:
        raise CommandError(str(exc)) from exc
    plan = None
    if villages_path:
        plan = read_plan(villages_path, code)
    elif data is not None:
        plan = importer.parse(data, filename, code)
    if plan is not None and plan.errors:
        raise CommandError("表格有误，未写入任何内容：\n" + "\n".join(plan.errors))
    with transaction.atomic():
        try:
            home, created = setup(name, code, intro)
        except SetupError as exc:
            raise CommandError(str(exc)) from exc
        made_t = made_v = 0
        if plan is not None:
            changes = county.compare(plan)
            if changes.errors:
                # Raising inside the transaction rolls the set-up back too: nothing is written.
                raise CommandError("表格与现有数据冲突，未写入任何内容：\n" + "\n".join(changes.errors))
            made_t, made_v = county.apply(changes, home, village_fields=village_fields, is_demo=is_demo,
                                          progress=progress(len(changes.townships) + len(changes.villages))
                                          if progress else None)
    if created:
        stdout.write("已创建：" + "、".join(created))
    if made_t or made_v:
        stdout.write(f"已导入乡镇 {made_t} 个、村（社区）{made_v} 个。")
    if not created and not made_t and not made_v:
        stdout.write(f"{name}（{code}）已设置完毕，本次没有新建任何内容。")
    return home
