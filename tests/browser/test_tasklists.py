"""Task lists (清单) and village rules (村规民约) in a real browser (Debian's Chromium through
Playwright), the way a village cadre on a phone and a township supervisor use them."""

import io

from .conftest import log_in, no_horizontal_scroll

VILLAGE = "/t520330101/v520330101201/"  # 光辉村, the demo village of the cadre account cungan
SIX_STEPS = ["村党组织", "村“两委”联席会议", "党员大会", "村民会议或村民代表会议", "村民委员会", "村民委员会"]

# Flowchart lines whose drawn box reaches past their step box (text cut off or overprinting).
SPILLED_TEXT = """() => [...document.querySelectorAll('g.fc-step')].flatMap(g => {
  const r = g.querySelector('rect').getBBox();
  return [...g.querySelectorAll('text')].filter(t => {
    const b = t.getBBox();
    return b.x + b.width > r.x + r.width + 0.5 || b.y + b.height > r.y + r.height + 0.5;
  }).map(t => t.textContent);
})"""


def open_sylg(phone, site):
    phone.goto(site.url + "/qingdan/")
    phone.get_by_role("link", name="习水县村级“四议两公开”任务清单").click()
    assert phone.locator("main h1").inner_text().startswith("习水县村级“四议两公开”任务清单")


def test_cadre_reads_the_four_deliberations_flowchart_on_a_phone(site, phone):
    log_in(phone, site, "cungan")
    open_sylg(phone, site)
    assert no_horizontal_scroll(phone)
    phone.get_by_role("link", name="“三重一大”事项实行“四议两公开”").click()
    assert "SYLG-01" in phone.locator("main h1").inner_text()

    chart = phone.locator("main svg.flowchart")
    assert chart.get_attribute("role") == "img"
    assert "共6步" in chart.locator("title").text_content()
    assert phone.get_by_role("img", name="“三重一大”事项实行“四议两公开”", exact=False).count() == 1
    steps = chart.locator("g.fc-step")
    assert steps.count() == 6
    # The six steps top to bottom, in the statutory order, each box's first line "① actor".
    tops, actors = [], []
    for i in range(6):
        box = steps.nth(i)
        tops.append(box.locator("rect").bounding_box()["y"])
        head = box.locator("text").first.text_content()
        assert head.startswith("①②③④⑤⑥"[i]), head
        actors.append(head[1:].strip())
    assert tops == sorted(tops)
    for actor, expected in zip(actors, SIX_STEPS, strict=True):
        assert actor == expected
    # The chart fits the phone: drawn inside the viewport, no sideways scrolling of the page.
    box = chart.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert no_horizontal_scroll(phone)
    assert phone.evaluate(SPILLED_TEXT) == []
    # The branch conditions are readable words, both on the chart and in the step list.
    labels = chart.locator("text.fc-label").all_text_contents()
    assert "未通过，重新提议" in labels and "通过" in labels
    assert "未通过，重新提议→第1步" in phone.locator("main ol.tl-steps").inner_text()


def test_single_step_item_has_one_box_and_no_arrows(site, phone):
    phone.goto(site.url + "/qingdan/sylg/SYLG-03/")
    chart = phone.locator("main svg.flowchart")
    assert chart.locator("g.fc-step").count() == 1
    assert chart.locator("path.fc-arrow").count() == 0
    assert no_horizontal_scroll(phone)


def test_print_handout_charts_keep_text_inside_boxes(site, phone):
    phone.goto(site.url + "/qingdan/sylg/print/")
    assert phone.locator("main h1").inner_text().startswith("习水县村级“四议两公开”任务清单")
    assert phone.locator("svg.flowchart").count() == 4
    assert phone.evaluate(SPILLED_TEXT) == []
    # The wide table scrolls inside its own box on a phone; the page itself does not.
    assert no_horizontal_scroll(phone)


def test_cadre_downloads_the_list_as_excel(site, phone):
    from openpyxl import load_workbook

    open_sylg(phone, site)
    with phone.expect_download() as info:
        phone.get_by_role("link", name="下载 Excel").click()
    download = info.value
    assert download.suggested_filename.startswith("SYLG-") and download.suggested_filename.endswith(".xlsx")
    with open(download.path(), "rb") as fh:
        data = fh.read()
    assert data[:2] == b"PK"  # an xlsx is a zip archive
    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith("习水县村级“四议两公开”任务清单")
    assert rows[2][:3] == ("编码", "事项", "类别")
    codes = [row[0] for row in rows[3:]]
    assert codes == ["SYLG-01", "SYLG-02", "SYLG-03", "SYLG-04"]
    first = rows[3]
    assert first[1] == "“三重一大”事项实行“四议两公开”"
    assert first[7].count("\n") == 5 and "未通过，重新提议→第1步" in first[7]  # six steps, branches spelled out


def test_cadre_sees_the_village_rules_status_on_the_village_page(site, phone):
    log_in(phone, site, "cungan")
    phone.goto(site.url + VILLAGE)
    # On the village page the rules are a folded section: the cadre opens it with one tap.
    section = phone.locator("main details", has=phone.get_by_role("heading", name="村规民约", exact=True))
    assert section.count() == 1
    section.locator("summary").first.click()
    assert section.locator(".badge-已备案生效").count() == 1
    text = section.inner_text()
    for step in ("征集民意", "拟定草案", "乡镇审核", "村民表决", "备案公布"):
        assert step in text
    assert "-" not in text.split("征集民意", 1)[1].split("拟定草案", 1)[0]  # dates written 2023年7月23日
    assert no_horizontal_scroll(phone)
    section.get_by_role("link", name="查看村规民约全文和制定程序").click()
    assert phone.locator("main h1").inner_text().startswith("光辉村村规民约")
    diff = phone.locator("main section", has=phone.get_by_role("heading", name="与示范文本的差异"))
    assert diff.locator(".vr-change").count() >= 1
    assert no_horizontal_scroll(phone)


def test_township_supervisor_sees_the_flags(site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    log_in(page, site, "dudao")
    page.goto(site.url + "/t520330101/")
    section = page.locator("main section", has=page.get_by_role("heading", name="各村村规民约备案情况"))
    assert section.count() == 1
    summary = section.locator("p.meta").first.inner_text()
    assert "需关注 3 个" in summary, summary
    flagged = section.locator("tr.flagged")
    assert flagged.count() == 3
    text = flagged.all_inner_texts()
    assert any("超过5年未修订" in t and "示范文本已于2023年5月1日修订" in t for t in text)
    # Every demo village has rules in force; revisions in progress are what a supervisor follows up.
    assert any("已表决，待备案" in t for t in text)
    assert any("尚在草案阶段" in t for t in text)
    # On a phone each village is a stacked card, not a squeezed four-column table.
    assert section.locator("thead").evaluate("e => getComputedStyle(e).position") == "absolute"
    assert no_horizontal_scroll(page)
    context.close()
