"""Setting up a county: the pure table check (bad files named by row and column), the
``setup_county`` command (idempotent, all-or-nothing, page_published for new villages), the workflow
on every library, the admin import with preview, and migrate → setup_county → import_regulation on a
fresh database."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail.signals import page_published

from villages import importer
from villages.models import TownshipPage, VillagePage

HEADER = "乡镇代码,乡镇名称,村代码,村名称,类型\n"
NEW_TOWNSHIP = HEADER + (
    "520330301,新建示例镇,520330301201,新一村,村\n"
    "520330301,新建示例镇,520330301202,新二村,村\n"
    "520330301,新建示例镇,520330301001,新城社区,社区\n")


def _csv(text):
    return text.encode("utf-8")


def _errors(text, filename="v.csv", county="520330"):
    return importer.parse(_csv(text) if isinstance(text, str) else text, filename, county).errors


# ---- the pure importer ---------------------------------------------------------------------------

def test_a_good_table_becomes_a_plan():
    plan = importer.parse(_csv(NEW_TOWNSHIP), "v.csv", "520330")
    assert plan.ok
    assert [(t.code, t.name, t.kind) for t in plan.townships] == [("520330301", "新建示例镇", "镇")]
    assert [(v.code, v.kind, v.row) for v in plan.villages] == [
        ("520330301201", "村", 2), ("520330301202", "村", 3), ("520330301001", "社区", 4)]


def test_the_downloadable_template_is_a_valid_xlsx_table():
    plan = importer.parse(importer.template_xlsx("520330"), "template.xlsx", "520330")
    assert plan.ok and len(plan.townships) == 2 and len(plan.villages) == 2
    assert {t.kind for t in plan.townships} == {"镇", "街道"}


def test_xlsx_codes_typed_as_numbers_are_read_as_text():
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(importer.COLUMNS)
    book.active.append([520330301, "新建示例镇", 520330301201, "新一村", "村"])
    out = io.BytesIO()
    book.save(out)
    plan = importer.parse(out.getvalue(), "v.xlsx", "520330")
    assert plan.ok and plan.villages[0].code == "520330301201"


@pytest.mark.parametrize("text, expected", [
    ("乡镇代码,乡镇名称,村代码,村名称\n520330301,新建示例镇,520330301201,新一村\n", "第 1 行（表头）缺少列：“类型”"),
    (HEADER + "520330301,新建示例镇,520330301201,新一村,村\n520330301,新建示例镇,520330301201,又一村,村\n",
     "第 3 行“村代码”：“520330301201”与第 2 行重复"),
    (HEADER + "520330301,新建示例镇,520330302201,新一村,村\n", "第 2 行“村代码”：“520330302201”不在乡镇 520330301 之下"),
    (HEADER + "520331301,新建示例镇,520331301201,新一村,村\n", "第 2 行“乡镇代码”：“520331301”不在本县（520330）之下"),
    (HEADER + "520330301,新建示例镇,520330301201,新一村,组\n", "第 2 行“类型”：“组”应为“村”或“社区”"),
    (HEADER + "52033030,新建示例镇,520330301201,新一村,村\n", "第 2 行“乡镇代码”：“52033030”应为 9 位数字"),
    (HEADER + "520330301,新建示例,520330301201,新一村,村\n", "第 2 行“乡镇名称”：“新建示例”应以“镇”“乡”或“街道”结尾"),
    (HEADER + "520330301,新建示例镇,520330301201,,村\n", "第 2 行“村名称”：不能为空"),
    (HEADER + "520330301,甲镇,520330301201,新一村,村\n520330301,乙镇,520330301202,新二村,村\n",
     "第 3 行“乡镇名称”：乡镇代码 520330301 在第 2 行名为“甲镇”"),
    (HEADER, "没有任何乡镇或村（社区）数据行"),
    ("", "文件是空的"),
])
def test_bad_tables_name_the_row_and_the_column(text, expected):
    errors = _errors(text)
    assert any(expected in e for e in errors), errors


def test_every_error_is_reported_at_once():
    text = HEADER + "520330301,新建示例镇,520330302201,新一村,村\n520330301,新建示例镇,520330301202,新二村,组\n"
    errors = _errors(text)
    assert len(errors) == 2 and errors[0].startswith("第 2 行") and errors[1].startswith("第 3 行")


@pytest.mark.parametrize("data, filename, expected", [
    (b"hello", "villages.txt", "只支持 .xlsx 或 .csv"),
    (b"PK\x03\x04 not really a workbook", "villages.xlsx", "无法读取该 Excel 文件"),
    (b"\x00\x01\x02\xff\xfe\x00", "villages.csv", "无法读取该 CSV 文件"),
])
def test_a_file_that_is_not_a_spreadsheet_is_refused(data, filename, expected):
    errors = _errors(data, filename)
    assert len(errors) == 1 and expected in errors[0]


def test_csv_saved_by_chinese_excel_as_gb18030_is_read():
    plan = importer.parse(NEW_TOWNSHIP.encode("gb18030"), "v.csv", "520330")
    assert plan.ok and plan.townships[0].name == "新建示例镇"


# ---- the command ---------------------------------------------------------------------------------

def _run(*args):
    out = io.StringIO()
    call_command("setup_county", *args, stdout=out)
    return out.getvalue()


def _counts():
    return (Page.objects.count(), TownshipPage.objects.count(), VillagePage.objects.count(),
            Workflow.objects.count())


@pytest.mark.django_db
def test_second_run_on_the_demo_county_creates_nothing_and_says_so(tmp_path):
    from villages.demo import village_table

    path = tmp_path / "xishui.csv"
    path.write_bytes(village_table())
    before = _counts()
    out = _run("--name", "习水县", "--code", "520330", "--villages", str(path))
    assert "没有新建任何内容" in out
    assert _counts() == before


@pytest.mark.django_db
def test_a_new_township_file_creates_pages_groups_and_fires_page_published(tmp_path):
    published = []

    def receiver(sender, instance, **kwargs):
        published.append(instance.specific_class.__name__)

    path = tmp_path / "new.csv"
    path.write_text(NEW_TOWNSHIP, encoding="utf-8")
    page_published.connect(receiver)
    try:
        out = _run("--name", "习水县", "--code", "520330", "--villages", str(path))
    finally:
        page_published.disconnect(receiver)
    assert "已导入乡镇 1 个、村（社区）3 个" in out
    township = TownshipPage.objects.get(code="520330301")
    assert township.live and township.title == "新建示例镇" and township.kind == "镇"
    assert set(VillagePage.objects.child_of(township).values_list("code", flat=True)) == {
        "520330301201", "520330301202", "520330301001"}
    assert VillagePage.objects.get(code="520330301001").kind == "社区"
    assert published.count("VillagePage") == 3 and published.count("TownshipPage") == 1
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name="乡镇督导·新建示例镇").exists()
    assert "没有新建任何内容" in _run("--name", "习水县", "--code", "520330", "--villages", str(path))


@pytest.mark.django_db
@pytest.mark.parametrize("text, message", [
    (NEW_TOWNSHIP + "520330301,新建示例镇,520330301203,新三村,乡\n", "第 5 行“类型”"),
    # the table is fine on its own, but 520330101201 already belongs to 土城镇
    (NEW_TOWNSHIP + "520330301,新建示例镇,520330101201,新三村,村\n", "第 5 行“村代码”"),
    (HEADER + "520330101,另一个名字镇,520330101299,新村,村\n", "第 2 行“乡镇名称”：乡镇 520330101 已存在"),
])
def test_a_bad_file_writes_nothing(tmp_path, text, message):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    before = _counts()
    with pytest.raises(CommandError, match=message):
        _run("--name", "习水县", "--code", "520330", "--villages", str(path))
    assert _counts() == before
    assert not TownshipPage.objects.filter(code="520330301").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("args, message", [
    (["--name", "习水县", "--code", "52033"], "应为 6 位数字"),
    (["--name", "仁怀市", "--code", "520382"], "本站已设置为习水县"),
    (["--name", "习水县", "--code", "520330", "--villages", "/nonexistent/v.csv"], "找不到文件"),
])
def test_bad_arguments(args, message):
    before = _counts()
    with pytest.raises(CommandError, match=message):
        _run(*args)
    assert _counts() == before


# ---- the workflow --------------------------------------------------------------------------------

@pytest.mark.django_db
def test_every_library_and_page_type_goes_to_the_county_review_workflow():
    from django.contrib.auth import get_user_model

    from policies.models import RegulationPage, TaskListPage, VillageRulePage

    _run("--name", "习水县", "--code", "520330")
    shenhe = get_user_model().objects.get(username="shenhe")
    samples = [RegulationPage.objects.first(), TaskListPage.objects.first(), VillageRulePage.objects.first(),
               VillagePage.objects.first(), TownshipPage.objects.first()]
    for page in samples:
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == "县委组织部审核", page
        task = workflow.tasks.get().specific
        assert task.groups.filter(user=shenhe).exists()
    # No page falls back to Wagtail's default workflow, whose Moderators group is empty.
    from wagtail.models import WorkflowPage

    for assignment in WorkflowPage.objects.select_related("workflow"):
        assert assignment.workflow.name == "县委组织部审核"


@pytest.mark.django_db
def test_an_editor_submission_reaches_the_publishers():
    from django.contrib.auth import get_user_model

    from policies.models import TaskListPage

    page = TaskListPage.objects.first()
    editor = get_user_model().objects.get(username="bianji")
    state = page.get_workflow().start(page, editor)
    task = state.current_task_state.task.specific
    assert set(task.groups.values_list("name", flat=True)) == {"县委组织部审核发布"}
    state.cancel(user=editor)


# ---- the admin import ----------------------------------------------------------------------------

@pytest.mark.django_db
def test_admin_template_download_and_permission(client, login):
    login("bianji")
    response = client.get(reverse("villages_import_template"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
    assert importer.parse(response.content, "t.xlsx", "520330").ok
    login("dudao")  # Wagtail's admin turns the refusal into a redirect with a message
    for name in ("villages_import_template", "villages_import"):
        response = client.get(reverse(name))
        assert response.status_code in (302, 403) and "spreadsheetml" not in response.get("Content-Type", "")


@pytest.mark.django_db
def test_admin_import_previews_then_creates_on_confirm(client, login):
    login("bianji")
    upload = io.BytesIO(_csv(NEW_TOWNSHIP))
    upload.name = "new.csv"
    response = client.post(reverse("villages_import"), {"step": "upload", "file": upload})
    page = response.content.decode()
    assert response.status_code == 200
    assert "将新建乡镇 1 个、村（社区）3 个" in page and "新城社区" in page
    assert not TownshipPage.objects.filter(code="520330301").exists()  # a preview writes nothing
    response = client.post(reverse("villages_import"), {"step": "confirm"}, follow=True)
    assert "已导入乡镇 1 个、村（社区）3 个" in response.content.decode()
    assert VillagePage.objects.filter(code__startswith="520330301").count() == 3


@pytest.mark.django_db
def test_admin_import_shows_errors_per_row_and_writes_nothing(client, login):
    login("shenhe")
    upload = io.BytesIO(_csv(HEADER + "520330301,新建示例镇,520330302201,新一村,组\n"))
    upload.name = "bad.csv"
    before = _counts()
    response = client.post(reverse("villages_import"), {"step": "upload", "file": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert "第 2 行“村代码”" in page and "第 2 行“类型”" in page and "确认导入" not in page
    response = client.post(reverse("villages_import"), {"step": "confirm"}, follow=True)
    assert "预览已失效" in response.content.decode()
    assert _counts() == before


# ---- a fresh install, end to end -----------------------------------------------------------------

def test_migrate_setup_county_import_regulation_on_a_fresh_database(tmp_path):
    """The real commands in a separate process on an empty SQLite file."""
    from tests.regulation_helpers import make_docx

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
           "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "RULEBOOK_NOW": "2026-11-20T10:00"}

    def manage(*args):
        result = subprocess.run([sys.executable, "manage.py", *args], cwd=root, env=env, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    villages = tmp_path / "villages.csv"
    villages.write_text(NEW_TOWNSHIP, encoding="utf-8")
    docx = tmp_path / "rule.docx"
    docx.write_bytes(make_docx(["习水县村务公开办法（示例）", "第一条 为规范村务公开，制定本办法。",
                                "第二条 村务公开每季度至少一次。"]).getvalue())
    manage("migrate", "-v0")
    out = manage("setup_county", "--name", "习水县", "--code", "520330", "--villages", str(villages))
    assert "制度库" in out and "已导入乡镇 1 个、村（社区）3 个" in out
    data = json.loads(manage("import_regulation", str(docx), "--effective", "2026-01-01").strip().splitlines()[-1])
    assert data["articles"] == 2
    assert "没有新建任何内容" in manage("setup_county", "--name", "习水县", "--code", "520330",
                                        "--villages", str(villages))
    check = manage("shell", "-c", (
        "from wagtail.models import Page, Site, WorkflowPage;"
        "print(Site.objects.get(is_default_site=True).root_page.specific_class.__name__);"
        "print(Page.objects.filter(depth=2).count());"
        "print(sorted({w.workflow.name for w in WorkflowPage.objects.all()}))"))
    # (Django's shell may first print what it imported automatically.)
    assert check.strip().splitlines()[-3:] == ["HomePage", "1", "['县委组织部审核']"]
