"""Word import: structure of real .docx files, the import_regulation command, errors write nothing."""

import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from policies.models import RegulationPage, RegulationVersion
from policies.regulations.parser.docx import parse_docx
from policies.regulations.parser.text import ParseError
from tests.regulation_helpers import make_docx

FULL = [
    "习水县村务公开管理办法", "习组通〔2023〕12号",
    "第一章 总则",
    "第一条 为规范村务公开，根据有关规定，制定本办法。",
    "第二条　本办法适用于全县各村（社区）。",
    "居民委员会参照执行。",
    "第二章 公开内容",
    "第一节 一般事项",
    "第三条 下列事项应当公开：",
    "（一）财务收支情况；",
    "（二）集体资产经营情况；",
    "（三）惠民政策落实情况。",
    "公开时限见下表。",
    "第二节 重大事项",
    "第四条 重大事项随时公开，依照本办法第三条第一款第（二）项执行。",
    "第三章 附则",
    "第五条 本办法自2023年5月1日起施行。",
]
TABLE = [["事项", "时限"], ["财务收支", "每月"], ["一般村务", "每季度"]]


def test_structure_with_chapters_sections_paragraphs_items_and_table():
    doc = parse_docx(make_docx(FULL, table_after=12, table=TABLE))
    assert doc.title == "习水县村务公开管理办法"
    assert doc.doc_number == "习组通〔2023〕12号"
    assert doc.effective_from.isoformat() == "2023-05-01"
    outline = doc.outline()
    assert [h.full for h in outline if getattr(h, "kind", None)] == [
        "第一章 总则", "第二章 公开内容", "第一节 一般事项", "第二节 重大事项", "第三章 附则"]
    articles = doc.articles()
    assert [a.label for a in articles] == ["第一条", "第二条", "第三条", "第四条", "第五条"]
    assert [p.text for p in articles[1].paragraphs] == ["本办法适用于全县各村（社区）。", "居民委员会参照执行。"]
    third = articles[2]
    assert third.chapter == "第二章 公开内容" and third.section == "第一节 一般事项"
    assert len(third.paragraphs) == 2 and third.paragraphs[0].items == ["财务收支情况；", "集体资产经营情况；", "惠民政策落实情况。"]
    assert third.table == TABLE
    assert articles[3].section == "第二节 重大事项"


def test_document_without_chapters():
    doc = parse_docx(make_docx(["关于规范村级公章使用的通知", "第一条 公章由专人保管。", "第二条 使用公章应当登记。",
                                "（一）事由；", "（二）经办人。"]))
    articles = doc.articles()
    assert len(articles) == 2 and articles[0].chapter == "" and articles[1].paragraphs[0].items == ["事由；", "经办人。"]


@pytest.mark.parametrize("content,message", [
    (b"not a word file", "无法读取"),
    (None, "空"),
    ("no-articles", "没有识别到任何条文"),
])
def test_bad_files_raise_chinese_errors(content, message):
    if content is None:
        source = make_docx([])
    elif content == "no-articles":
        source = make_docx(["一份通知", "请各村按时报送材料。"])
    else:
        source = io.BytesIO(content)
    with pytest.raises(ParseError, match=message):
        parse_docx(source)




def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("import_regulation", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_command_creates_a_draft_and_prints_json(tmp_path, client):
    path = tmp_path / "gongkai.docx"
    path.write_bytes(make_docx(FULL, table_after=12, table=TABLE).getvalue())
    code, out, err = _run(str(path), "--issuer", "习水县民政局")
    assert code == 0, err
    data = json.loads(out.strip().splitlines()[-1])
    assert set(data) == {"id", "version_id", "url", "articles"} and data["articles"] == 5
    page = RegulationPage.objects.get(pk=data["id"])
    assert not page.live and page.issuer == "习水县民政局" and page.doc_number == "习组通〔2023〕12号"
    assert Revision.page_revisions.filter(object_id=str(page.pk)).exists()
    assert RegulationVersion.objects.get(pk=data["version_id"]).effective_from.isoformat() == "2023-05-01"
    assert client.get(page.url).status_code == 404   # draft: not public


@pytest.mark.django_db
def test_command_publish_and_new_version_of(tmp_path, client, login):
    path = tmp_path / "a.docx"
    path.write_bytes(make_docx(FULL, table_after=12, table=TABLE).getvalue())
    code, out, err = _run(str(path), "--title", "习水县村务公开管理办法(测试)", "--publish")
    assert code == 0, err
    data = json.loads(out)
    html = client.get(data["url"]).content.decode()
    assert "<th scope=\"col\">时限</th>" in html and 'id="art-3-p1-i2"' in html
    assert '<a class="xref" href="#art-3-p1-i2">本办法第三条第一款第（二）项</a>' in html
    login("bianji")
    assert client.get(f"/admin/pages/{data['id']}/edit/").status_code == 200
    # A second version as a draft revision: the live page keeps one version.
    code, out, err = _run(str(path), "--version-of", str(data["id"]), "--effective", "2024-01-01")
    assert code == 0, err
    page = RegulationPage.objects.get(pk=data["id"])
    assert page.versions.count() == 1 and page.has_unpublished_changes
    assert len(page.get_latest_revision_as_object().versions.all()) == 2
    code, out, err = _run(str(path), "--version-of", str(data["id"]), "--effective", "2024-01-02", "--publish")
    assert code == 0 and RegulationPage.objects.get(pk=data["id"]).versions.count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["garbage", "empty", "no-articles", "missing", "bad-date", "bad-version-of"])
def test_command_errors_write_nothing(tmp_path, kind):
    path = tmp_path / "x.docx"
    args = [str(path)]
    if kind == "garbage":
        path.write_bytes(b"PK\x03\x04garbage")
    elif kind == "empty":
        path.write_bytes(make_docx([]).getvalue())
    elif kind == "no-articles":
        path.write_bytes(make_docx(["通知", "请各村报送。"]).getvalue())
    elif kind == "missing":
        args = [str(tmp_path / "nope.docx")]
    else:
        path.write_bytes(make_docx(FULL).getvalue())
        args += ["--effective", "2023-02-30"] if kind == "bad-date" else ["--version-of", "no-such-slug"]
    before = (Page.objects.count(), RegulationVersion.objects.count(), Revision.objects.count())
    code, out, err = _run(*args)
    assert code != 0 and out == ""
    assert "导入失败" in err and any("\u4e00" <= ch <= "\u9fff" for ch in err)
    assert (Page.objects.count(), RegulationVersion.objects.count(), Revision.objects.count()) == before


@pytest.mark.django_db
def test_overlapping_version_is_refused(tmp_path):
    page = RegulationPage.objects.get(slug="cunji-ganbu-guanli-banfa")
    path = tmp_path / "x.docx"
    path.write_bytes(make_docx(FULL).getvalue())
    before = Revision.objects.count()
    code, _out, err = _run(str(path), "--version-of", page.slug, "--effective", "2023-03-01")
    assert code == 1 and "不能重叠" in err and Revision.objects.count() == before
