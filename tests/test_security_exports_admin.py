"""Exports write formulas as text, review comments are not public, a stale admin form cannot overwrite
a newer save, and editors may lock the pages they edit (issue 12)."""

import datetime
import io

from openpyxl import Workbook, load_workbook

from compliance.models import Record
from core.spreadsheet import append_row
from core.wagtail_hooks import STALE_EDIT
from tests.search_helpers import isolated_search_index, make_regulation  # noqa: F401 - autouse fixture

HOSTILE = '=HYPERLINK("http://evil.example/","点我")'


def _reload(content):
    return load_workbook(io.BytesIO(content))


def test_text_starting_like_a_formula_is_stored_as_text():
    wb = Workbook()
    append_row(wb.active, [HOSTILE, "+1", "-2", "@SUM(A1)", 5, "普通"])
    out = io.BytesIO()
    wb.save(out)
    cells = list(_reload(out.getvalue()).active.iter_rows(values_only=False))[0]
    assert [c.data_type for c in cells[:4]] == ["s"] * 4
    assert cells[0].value == HOSTILE and cells[4].value == 5


def test_county_export_keeps_a_hostile_village_name_as_text(client, login, db):
    from villages.models import VillagePage

    village = VillagePage.objects.first()
    VillagePage.objects.filter(pk=village.pk).update(title=HOSTILE)
    login("admin")
    response = client.get("/records/county/export.xlsx")
    assert response.status_code == 200
    workbook = _reload(response.content)
    found = [c for ws in workbook for row in ws.iter_rows() for c in row if c.value == HOSTILE]
    assert found and all(c.data_type == "s" for c in found)


def test_review_comment_hidden_from_anonymous_visitors(client, login, db):
    record = next(r for r in Record.objects.filter(is_current=True).select_related("village")
                  if r.is_public and r.state != Record.DRAFT)
    Record.objects.filter(pk=record.pk).update(review_comment="内部审核意见：账目附件不清晰")
    url = f"/records/r/{record.pk}/"
    assert "内部审核意见" not in client.get(url).content.decode()
    login("admin")
    assert "内部审核意见" in client.get(url).content.decode()


def test_stale_edit_is_refused_with_a_message(client, login, db):
    page = make_regulation("并发编辑测试规定", [("2023年版", datetime.date(2023, 1, 1), ["第一条内容。"])])
    login("bianji")
    loaded = page.get_latest_revision()
    page.title = "他人已保存的标题"
    newer = page.save_revision()  # another editor saves after our form was loaded
    response = client.post(f"/admin/pages/{page.pk}/edit/", {"loaded_revision_id": loaded.pk, "title": "我的标题",
                                                             "slug": page.slug}, follow=True)
    assert STALE_EDIT in response.content.decode()
    page.refresh_from_db()
    assert page.get_latest_revision().pk == newer.pk


def test_editor_can_lock_a_page(client, login, db):
    page = make_regulation("锁定测试规定", [("2023年版", datetime.date(2023, 1, 1), ["第一条内容。"])])
    login("bianji")
    client.post(f"/admin/pages/{page.pk}/lock/")
    page.refresh_from_db()
    assert page.locked
