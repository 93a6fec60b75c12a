"""Issue 16 at 360 px: the county's 三务公开 page and "新建版本" in the admin, on a phone, offline."""

from .conftest import log_in, no_horizontal_scroll
from .test_offline_assets import offline
from .test_phone_village import shoot


def test_county_disclosures_readable_on_a_phone(site, phone):
    seen = offline(phone)
    phone.goto(site.url + "/records/disclosures/?township=520330101")
    shoot(phone, "disclosures-360")
    cards = phone.locator(".disclosure-cards > li.disclosure")
    assert cards.count() >= 1, "the small demo has public disclosures"
    assert no_horizontal_scroll(phone)
    # Words are not broken one character per line: each card's title and posting line keep their width.
    first = cards.first
    assert first.locator("h2").bounding_box()["width"] > 200
    assert "线上" in first.locator("dl").inner_text()
    # The village page leads a visitor here.
    phone.goto(site.url + "/t520330101/v520330101201/")
    link = phone.get_by_role("link", name="本村全部公开事项")
    if link.count():
        link.click()
        assert "三务公开" in phone.locator("main h1").inner_text()
    assert seen == {"blocked": [], "errors": []}


def test_new_version_from_the_text_in_force_on_a_phone(site, phone):
    log_in(phone, site, "admin")
    phone.goto(site.url + "/zhidu/cunji-ganbu-guanli-banfa/")
    # The regulation's own 编辑 button: an admin search by title may also find training courses.
    edit_url = phone.locator("main a.button", has_text="编辑").first.get_attribute("href")
    page_id = edit_url.rstrip("/").split("/")[-2]
    phone.goto(site.url + f"/admin/regulations/{page_id}/new-version/")
    shoot(phone, "regulation-new-version-360")
    assert "复制" in phone.locator("main").inner_text()
    phone.fill("input[name=label]", "2030年修订版")
    phone.fill("input[name=effective_from]", "2030-01-01")
    # The editor it leads to is heavy on a slow test machine: the answer to the POST is what counts here
    # (tests/test_regulation_new_version.py checks the editor's page and the copied text).
    with phone.expect_response(lambda r: r.url.endswith("/new-version/") and r.request.method == "POST") as answer:
        phone.get_by_role("button", name="新建版本").click()
    assert answer.value.status == 302
    assert answer.value.headers["location"].endswith(f"/admin/pages/{page_id}/edit/")
