"""TaskItem rows follow the published stream; page validation; the list's public pages."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from core import clock
from policies.models import RegulationPage, TaskItem, TaskListPage, TaskListVersion
from policies.tasklists.models import validate_tasklist_versions
from policies.tasklists.sync import is_referenced

pytestmark = pytest.mark.django_db


def shyk():
    return TaskListPage.objects.get(list_code="SHYK")


def raw(version):
    return [dict(block) for block in version.items.raw_data]


def test_demo_lists_have_rows_per_version():
    codes = set(TaskListPage.objects.values_list("list_code", flat=True))
    assert {"DZZ", "SHYK", "SYLG", "SLSZ", "DBFW", "XWQL"} <= codes
    old, new = sorted(shyk().versions.all(), key=lambda v: v.effective_from)
    assert "SHYK-05" not in set(old.task_items.values_list("code", flat=True))
    rows = {i.code: i for i in new.task_items.all()}
    assert rows["SHYK-01"].frequency == "quarterly" and rows["SHYK-02"].frequency == "monthly"
    assert rows["SHYK-03"].frequency == "monthly" and rows["SHYK-04"].frequency == "quarterly"
    assert rows["SHYK-05"].frequency == "monthly" and rows["SHYK-06"].frequency == "yearly"
    assert rows["SHYK-07"].frequency == "yearly"
    xwql = TaskListPage.objects.get(list_code="XWQL").current_version()
    categories = set(xwql.task_items.values_list("category", flat=True))
    assert xwql.task_items.count() >= 20 and {"公共权力事项", "便民服务事项"} <= categories
    sylg = TaskItem.objects.get(version__page__list_code="SYLG", code="SYLG-01")
    assert len(sylg.steps) == 6 and "三分之二" in sylg.steps[2]["action"]
    signoff = TaskItem.objects.get(version__page__list_code="XWQL", code="XWQL-04")
    assert [s["actor"] for s in signoff.steps[:5]] == [
        "经办人", "民主理财小组", "村党组织书记（主任）", "村监委会主任", "乡镇分管领导"]


def test_publish_rebuilds_rows_update_add_delete():
    page = TaskListPage.objects.get(list_code="SYLG")
    version = page.versions.get()
    before_pk = version.task_items.get(code="SYLG-02").pk
    blocks = raw(version)
    blocks = [b for b in blocks if b["value"]["code"] != "SYLG-04"]
    blocks[1]["value"] = dict(blocks[1]["value"], name="决议公开（改）", frequency="monthly")
    blocks.append({"type": "item", "value": dict(blocks[2]["value"], code="SYLG-09", name="新增事项")})
    version.items = blocks
    page.versions = [version]
    page.save_revision().publish()
    rows = {i.code: i for i in TaskItem.objects.filter(version=version)}
    assert rows["SYLG-02"].pk == before_pk  # updated in place, not recreated
    assert rows["SYLG-02"].name == "决议公开（改）" and rows["SYLG-02"].frequency == "monthly"
    assert [i.code for i in page.item_rows(version)] == ["SYLG-01", "SYLG-02", "SYLG-03", "SYLG-09"]
    # A row nobody refers to is deleted when its code leaves the stream.
    version.items = [b for b in blocks if b["value"]["code"] != "SYLG-09"]
    page.versions = [version]
    page.save_revision().publish()
    assert not TaskItem.objects.filter(version=version, code="SYLG-09").exists()


def test_rows_referenced_elsewhere_are_kept_but_hidden():
    referenced = next((i for i in TaskItem.objects.all() if is_referenced(i)), None)
    if referenced is None:
        pytest.skip("没有其他应用引用清单事项（履职记录示例未载入）")
    version = referenced.version
    page = version.page.specific
    version.items = [b for b in raw(version) if b["value"]["code"] != referenced.code]
    page.versions = [version if v.pk == version.pk else v for v in page.versions.all()]
    page.save_revision().publish()
    kept = TaskItem.objects.get(pk=referenced.pk)
    assert kept.code == referenced.code and is_referenced(kept)
    assert referenced.code not in [i.code for i in page.item_rows(version)]
    assert client_get_item_status(page, referenced.code) == 404


def test_duplicate_codes_bad_frequency_and_overlap_are_refused():
    page = shyk()
    old, new = sorted(page.versions.all(), key=lambda v: v.effective_from)
    blocks = raw(new)
    blocks.append({"type": "item", "value": dict(blocks[0]["value"])})
    blocks.append({"type": "item", "value": dict(blocks[1]["value"], code="SHYK-88", frequency="daily")})
    new.items = blocks
    old.effective_from = new.effective_from
    messages = validate_tasklist_versions([old, new])
    text = "\n".join(messages)
    assert "事项编码“SHYK-01”重复" in text
    assert "频次“daily”无效" in text
    assert "生效日期相同" in text
    page.versions = [old, new]
    with pytest.raises(ValidationError) as err:
        page.full_clean()
    assert "重复" in str(err.value)
    # Nothing was written.
    assert TaskItem.objects.filter(version=new, code="SHYK-88").count() == 0


def test_item_page_basis_links_and_flowchart(client):
    page = TaskListPage.objects.get(list_code="XWQL")
    resp = client.get(f"{page.url}XWQL-04/")
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "集体资金使用" in html and "<svg" in html and 'class="fc-box"' in html
    assert "超过限额" in html and "民主理财小组" in html
    item = TaskItem.objects.get(version=page.current_version(), code="XWQL-04")
    reg_ids = [b["regulation"] for b in item.basis if b["regulation"]]
    if reg_ids:  # the regulation demo is present: link to the article at today's date
        reg = RegulationPage.objects.get(pk=reg_ids[0])
        assert f'href="{reg.url}{clock.today().isoformat()}/#art-' in html
    assert client.get(f"{page.url}XWQL-99/").status_code == 404


def test_list_page_dated_view_and_timeline(client):
    page = shyk()
    html = client.get(page.url).content.decode()
    assert "现行有效" in html and "SHYK-05" in html and "2021年版" in html and "2024年修订版" in html
    html = client.get(f"{page.url}2022-06-01/").content.decode()
    assert "SHYK-05" not in html.split("版本沿革")[0] and "2022年6月1日" in html
    assert client.get(f"{page.url}SHYK-05/?on=2022-06-01").status_code == 404
    assert client.get(f"{page.url}2022-13-01/").status_code == 404
    future = (clock.today() + datetime.timedelta(days=30)).isoformat()
    assert client.get(f"{page.url}{future}/").status_code == 404


def test_index_and_home_list_the_task_lists(client):
    html = client.get("/qingdan/").content.decode()
    assert "习水县村级“小微权力”清单" in html and "示例" in html
    home = client.get("/").content.decode()
    assert "习水县村党支部“三会一课”任务清单" in home


def test_xlsx_has_township_columns_and_items(client):
    page = shyk()
    resp = client.get(f"{page.url}xlsx/")
    assert resp.status_code == 200 and resp["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = openpyxl.load_workbook(io.BytesIO(resp.content)).active
    header = [c.value for c in ws[3]]
    assert header == ["编码", "事项", "类别", "责任主体", "频次", "期限", "依据", "步骤", "佐证", "公开要求",
                      "监督主体", "风险点"]
    codes = [ws.cell(row=r, column=1).value for r in range(4, ws.max_row + 1)]
    assert codes == [i.code for i in page.item_rows(page.current_version())]
    row = {ws.cell(row=3, column=c).value: ws.cell(row=codes.index("SHYK-02") + 4, column=c).value
           for c in range(1, 13)}
    assert row["频次"] == "每月" and "支部委员会" in row["事项"] and row["步骤"].startswith("1. ")
    old = openpyxl.load_workbook(io.BytesIO(client.get(f"{page.url}xlsx/?on=2022-01-01").content)).active
    assert "SHYK-05" not in [old.cell(row=r, column=1).value for r in range(4, old.max_row + 1)]


def test_print_and_pdf(client):
    page = shyk()
    html = client.get(f"{page.url}print/").content.decode()
    assert "<table" in html and "SHYK-07" in html and "打印日期" in html
    resp = client.get(f"{page.url}pdf/")
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    assert resp.content.startswith(b"%PDF")


def test_unsaved_version_items_come_from_the_stream():
    page = shyk()
    version = TaskListVersion(page=page, label="预览", effective_from=datetime.date(2030, 1, 1),
                              items=raw(page.current_version()))
    items = page.items_of(version)
    assert [i.code for i in items][:2] == ["SHYK-01", "SHYK-02"] and items[0].pk is None


def client_get_item_status(page, code):
    from django.test import Client

    return Client().get(f"{page.url}{code}/").status_code


def test_item_periods_and_due_dates():
    items = {i.code: i for i in TaskItem.objects.filter(version=shyk().current_version())}
    monthly, quarterly = items["SHYK-05"], items["SHYK-01"]
    assert monthly.period_on(datetime.date(2026, 2, 14)).key == "2026-02"
    assert monthly.due_in(monthly.period_on(datetime.date(2026, 2, 14))) == datetime.date(2026, 2, 10)
    assert quarterly.period_on(datetime.date(2026, 11, 26)).key == "2026-Q4"
    assert quarterly.due_in(quarterly.period_on(datetime.date(2026, 11, 26))) == datetime.date(2026, 12, 31)
    on_demand = TaskItem.objects.filter(frequency="on_demand").first()
    assert on_demand.period_on(datetime.date(2026, 1, 1)) is None
