"""The reader: text in force today, dated URLs with banner, future versions for editors only,
compare, print, PDF, cross-reference links, home page section."""

import datetime
import re

import pytest

from policies.models import RegulationPage
from tests.regulation_helpers import add_version, days

pytestmark = pytest.mark.django_db


@pytest.fixture
def cadre():
    return RegulationPage.objects.get(slug="cunji-ganbu-guanli-banfa")


def test_demo_library_has_the_fourteen_documents_marked_demo():
    pages = RegulationPage.objects.live()
    assert pages.count() == 14
    assert "习水县村级干部管理办法(试行)" in set(pages.values_list("title", flat=True))
    assert all(p.is_demo and "示例" in p.summary for p in pages)
    assert sum(1 for p in pages if p.versions.count() >= 2) >= 3


def test_page_shows_current_version_toc_timeline_and_anchors(client, cadre):
    html = client.get(cadre.url).content.decode()
    assert "2023年修订版" in html and "badge-试行" in html
    assert 'id="toc-title"' in html and 'href="#ch-2"' in html
    assert "版本沿革" in html and "2021年试行版" in html
    assert 'id="art-8"' in html and "公章" in html          # inserted article in the current text
    assert 'id="art-10-p1-i2"' in html                         # item anchor
    assert "reg-banner" not in html                            # current text: no banner


def test_dated_url_shows_old_text_with_banner(client, cadre):
    html = client.get(cadre.url + "2022-01-01/").content.decode()
    assert "此版本自2021年7月1日起施行，已于2023年3月1日被修订" in html
    assert "2023年修订版" in html  # still listed in the timeline
    assert 'id="art-8"' in html and "公章使用登记" not in html


@pytest.mark.parametrize("day,expected", [
    ("2021-06-30", 404), ("2021-07-01", "2021年试行版"), ("2023-02-28", "2021年试行版"), ("2023-03-01", "2023年修订版"),
])
def test_dated_url_boundaries(client, cadre, day, expected):
    resp = client.get(cadre.url + day + "/")
    if expected == 404:
        assert resp.status_code == 404 and "没有施行中的版本" in resp.content.decode()
    else:
        assert resp.status_code == 200
        assert f'<span class="meta">{expected}</span>' in resp.content.decode()


def test_bad_date_is_a_chinese_404(client, cadre):
    resp = client.get(cadre.url + "2023-02-30/")
    assert resp.status_code == 404 and "日期" in resp.content.decode()


def test_repealed_regulation(client):
    page = RegulationPage.objects.get(slug="zizhi-zuzhi-quanli-yunxing-tongzhi")
    assert page.status() == "已废止"
    # Its own address (linked from the library) shows the last text under a repeal notice …
    resp = client.get(page.url)
    html = resp.content.decode()
    assert resp.status_code == 200 and "已于2024年7月1日废止" in html and 'id="art-1"' in html
    assert "查看现行文本" not in html          # there is no text in force to point to
    assert client.get(page.url + "print/").status_code == 200
    html = client.get(page.url + "2024-06-30/").content.decode()
    assert "已于2024年7月1日废止" in html
    # … but a chosen date after the repeal has no text in force.
    resp = client.get(page.url + "2024-07-01/")
    assert resp.status_code == 404 and "废止" in resp.content.decode()


def test_future_version_visible_to_editors_only(client, login, cadre):
    start = days(20)
    add_version(cadre, start, "条 将来施行的条文。", label="将来版")
    dated = cadre.url + start.isoformat() + "/"
    assert "将来版" not in client.get(cadre.url).content.decode()
    resp = client.get(dated)
    assert resp.status_code == 404 and "尚未生效" in resp.content.decode()
    assert client.get(cadre.url).status_code == 200   # today's text still public
    login("bianji")
    assert "将来版" in client.get(cadre.url).content.decode()
    html = client.get(dated).content.decode()
    assert "将来施行的条文" in html and "目前尚未生效" in html


def test_unpublished_page_is_hidden(client, cadre):
    cadre.unpublish()
    assert client.get(cadre.url).status_code == 404


def test_compare_marks_insertion_and_renumbering(client, cadre):
    old, new = cadre.versions_in_order()
    html = client.get(cadre.url + f"compare/?from={old.pk}&to={new.pk}").content.decode()
    text = re.sub(r"<[^>]+>", "", html)
    assert "新增 1 条" in text and "第八条 → 第九条" in text
    assert "<ins>、第八条</ins>" in html
    # Each label links to the article in its version's dated text.
    assert f'href="{cadre.url}2021-07-01/#art-8">第八条</a> → <a href="{cadre.url}2023-03-01/#art-9">' in html
    bad = client.get(cadre.url + "compare/?from=999999&to=1")
    assert bad.status_code == 400 and "版本" in bad.content.decode()


def test_print_and_pdf(client, cadre):
    html = client.get(cadre.url + "2022-01-01/print/").content.decode()
    assert "<h1>习水县村级干部管理办法(试行)</h1>" in html and "示例" in html and "已于2023年3月1日被修订" in html
    resp = client.get(cadre.url + "pdf/")
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    assert resp.content.startswith(b"%PDF")
    assert client.get(cadre.url + "2022-01-01/pdf/").content.startswith(b"%PDF")


def test_cross_references_resolve_against_version_viewed(client, cadre):
    current = client.get(cadre.url).content.decode()
    assert '<a class="xref" href="#art-8">第八条</a>' in current
    old = client.get(cadre.url + "2022-01-01/").content.decode()
    assert '<a class="xref" href="#art-7">本办法第七条</a>' in old
    # Reference to another regulation by title, on the viewed date.
    lvzhi = RegulationPage.objects.get(slug="cun-dangzuzhi-lvzhi-qingdan")
    html = client.get(lvzhi.url + "2021-05-01/").content.decode()
    assert 'href="/zhidu/yishi-guize-zhidao-yijian/2021-05-01/"' in html


def test_reference_parser_shapes():
    from policies.regulations.references import find_references

    refs = find_references("依照第十二条第二款第（三）项和本办法第三章，以及《习水县村级干部管理办法(试行)》第五条。")
    assert [r.anchor for r in refs] == ["art-12-p2-i3", "ch-3", "art-5"]
    assert refs[2].title == "习水县村级干部管理办法(试行)"


def test_index_filters_and_home_section(client):
    html = client.get("/zhidu/?category=权力监督").content.decode()
    assert "重大项目实施监督工作规定" in html and "村级干部管理办法" not in html
    html = client.get("/zhidu/?status=已废止").content.decode()
    assert "基层群众性自治组织权力运行的通知" in html and "共 1 部制度" in html
    home = client.get("/").content.decode()
    assert "最新制度" in home and "badge-" in home


def test_new_version_is_a_draft_until_published(client, cadre):
    before = client.get(cadre.url).content.decode()
    add_version(cadre, datetime.date(2024, 1, 1), "条 草稿中的条文。", label="草稿版", publish=False)
    page = RegulationPage.objects.get(pk=cadre.pk)
    assert page.versions.count() == 2 and page.has_unpublished_changes
    assert "草稿中的条文" not in client.get(cadre.url).content.decode()
    assert client.get(cadre.url).content.decode().count("2023年修订版") == before.count("2023年修订版")
    page.get_latest_revision().publish()
    assert RegulationPage.objects.get(pk=cadre.pk).versions.count() == 3


def test_compare_explains_when_there_is_nothing_to_compare(client, cadre):
    single = RegulationPage.objects.get(slug="zhengzhi-tijian-banfa")
    html = client.get(single.url + "compare/").content.decode()
    assert "只有一个版本" in html and "两个版本的条文相同" not in html
    old = cadre.versions_in_order()[0]
    html = client.get(cadre.url + f"compare/?from={old.pk}&to={old.pk}").content.decode()
    assert "同一个版本" in html and "两个版本的条文相同" not in html


def test_toc_lists_articles_under_their_chapters(client, cadre):
    html = client.get(cadre.url).content.decode()
    toc = html.split('id="toc-title"')[1].split("</nav>")[0]
    assert toc.index('href="#ch-3"') < toc.index('href="#art-9"') < toc.index('href="#ch-4"')
    assert toc.count('href="#art-') == 13
