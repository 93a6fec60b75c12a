"""The regulation library in a real browser: a cadre reading on a 360 px phone (contents → article,
timeline → past version with its notice, version comparison) and an editor importing a Word file."""

import io
import re

from .conftest import log_in, no_horizontal_scroll

TITLE = "习水县村级干部管理办法(试行)"  # demo: 2021年试行版, then 2023年修订版 inserts 第八条
DOCX_TITLE = "习水县村级便民服务代办规则"


def in_viewport(page, selector):
    """True when the element's top edge is inside the visible window (what the reader sees); a jump
    to an anchor can leave it a sub-pixel fraction above 0."""
    return page.evaluate("""sel => { const r = document.querySelector(sel).getBoundingClientRect();
        return r.top >= -2 && r.top < window.innerHeight; }""", selector)


def open_regulation(site, phone):
    phone.goto(site.url + "/")
    phone.goto(site.url + "/zhidu/")
    assert phone.locator("main h1").inner_text() == "制度库"
    assert no_horizontal_scroll(phone)
    phone.get_by_role("link", name=TITLE, exact=True).click()
    assert phone.locator("main h1").inner_text() == TITLE
    assert no_horizontal_scroll(phone)


def test_table_of_contents_jumps_to_an_article_on_a_phone(site, phone):
    open_regulation(site, phone)
    toc = phone.get_by_role("navigation", name="目录")
    toc.get_by_role("link", name="第十条", exact=True).click()
    phone.wait_for_url(re.compile(r"#art-10$"))
    assert in_viewport(phone, "#art-10")
    assert "谈话提醒" in phone.locator("#art-10").inner_text()
    # Chapters stay listed too, and a chapter link lands on its heading.
    toc.get_by_role("link", name="第三章 监督考核").click()
    phone.wait_for_url(re.compile(r"#ch-3$"))
    assert in_viewport(phone, "#ch-3")
    assert no_horizontal_scroll(phone)


def test_past_version_from_timeline_shows_notice_first_on_a_phone(site, phone):
    open_regulation(site, phone)
    assert phone.locator(".reg-banner").count() == 0      # today's text: no notice
    timeline = phone.get_by_role("region", name="版本沿革")
    timeline.get_by_role("link", name="2021年试行版").click()
    phone.wait_for_url(re.compile(r"/2021-07-01/$"))
    banner = phone.locator(".reg-banner")
    assert "已于2023年3月1日被修订" in banner.inner_text()
    # The notice is on the first screen, above the facts, not below a phone's fold.
    assert in_viewport(phone, ".reg-banner")
    assert "公章使用登记" not in phone.locator(".reg-text").inner_text()   # 第八条 came in 2023
    assert timeline.locator("[aria-current]").inner_text() == "2021年试行版"
    banner.get_by_role("link", name="查看现行文本").click()
    assert "公章使用登记" in phone.locator(".reg-text").inner_text()
    assert no_horizontal_scroll(phone)


def test_compare_two_versions_on_a_phone(site, phone):
    open_regulation(site, phone)
    phone.get_by_role("link", name="版本比较").click()
    phone.get_by_label("原版本").select_option(label="2021年试行版（2021年7月1日）")
    phone.get_by_label("新版本").select_option(label="2023年修订版（2023年3月1日）")
    phone.get_by_role("button", name="比较").click()
    phone.wait_for_url(re.compile(r"compare/\?from=\d+&to=\d+"))
    main = phone.locator("main")
    assert "新增 1 条" in main.inner_text()
    items = phone.locator(".diff-item")
    added = items.filter(has_text="新增").first
    assert "公章" in added.locator("ins").first.inner_text()
    assert phone.locator(".diff-item ins").count() >= 2 and phone.locator(".diff-item del").count() >= 1
    # Years change as whole numbers, not as single struck-out digits.
    assert phone.locator(".diff-item del", has_text="2021").count() >= 1
    assert phone.locator(".diff-item ins", has_text="2026").count() >= 1
    assert no_horizontal_scroll(phone)
    # An article label leads to that article in the version's own dated text.
    added.get_by_role("link", name="第八条").click()
    phone.wait_for_url(re.compile(r"/2023-03-01/#art-8$"))
    assert in_viewport(phone, "#art-8")


def test_print_view_fits_a_phone(site, phone):
    open_regulation(site, phone)
    phone.get_by_role("link", name="打印版").click()
    assert phone.locator("h1").inner_text() == TITLE
    assert phone.get_by_role("main").count() == 1
    assert no_horizontal_scroll(phone)


def make_docx():
    from docx import Document

    document = Document()
    for text in [DOCX_TITLE, "习组通〔2026〕8号", "第一章 总则",
                 "第一条 为方便群众办事，规范村级便民服务代办工作，制定本规则。",
                 "第二章 代办程序",
                 "第二条 代办事项按照下列程序办理：", "（一）受理登记；", "（二）限时办结；", "（三）结果反馈。",
                 "第三条 本规则自2026年12月1日起施行。"]:
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_editor_imports_word_file_as_draft(site, desk):
    log_in(desk, site, "bianji")
    desk.get_by_role("link", name="导入Word制度").first.click()
    desk.wait_for_url(re.compile(r"/admin/regulations/import/$"))

    # A file that is not Word: a Chinese message, no preview, nothing created.
    desk.set_input_files("input[name=file]", files=[{"name": "扫描件.docx", "mimeType": DOCX_MIME,
                                                     "buffer": b"not a zip"}])
    desk.get_by_role("button", name="上传并识别").click()
    assert "无法读取该文件" in desk.get_by_role("alert").inner_text()
    assert desk.get_by_role("button", name="创建草稿").count() == 0

    desk.set_input_files("input[name=file]", files=[{"name": "代办规则.docx", "mimeType": DOCX_MIME,
                                                     "buffer": make_docx()}])
    desk.get_by_role("button", name="上传并识别").click()
    body = desk.locator("main").inner_text()
    assert "共识别 3 条" in body and "代办规则.docx" in body
    preview = desk.locator("ol").filter(has_text="第一章 总则").last.inner_text()
    for label in ("第一章 总则", "第二章 代办程序", "第一条", "第二条", "第三条"):
        assert label in preview
    assert "3 款" not in preview  # the three items belong to one paragraph, not three
    assert desk.get_by_label("标题").input_value() == DOCX_TITLE
    assert desk.get_by_label("文号").input_value() == "习组通〔2026〕8号"
    assert desk.get_by_label("生效日期").input_value() == "2026-12-01"

    desk.get_by_role("button", name="创建草稿").click()
    desk.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    assert f"已导入《{DOCX_TITLE}》为草稿" in desk.locator("body").inner_text()

    # The library's page list in the admin (the breadcrumb's parent) now holds the draft.
    own = re.search(r"/admin/pages/(\d+)/edit/", desk.url).group(1)
    hrefs = [a.get_attribute("href") for a in desk.locator("a[href^='/admin/pages/']").all()]
    parents = [h for h in hrefs if re.fullmatch(r"/admin/pages/\d+/", h) and h != f"/admin/pages/{own}/"]
    desk.goto(site.url + parents[-1])
    assert "制度库" in desk.locator("main").inner_text()
    row = desk.locator("tr", has_text=DOCX_TITLE)
    assert row.count() == 1 and "草稿" in row.inner_text()
