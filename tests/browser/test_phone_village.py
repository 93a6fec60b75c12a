"""Issue 16 at 360 px: the village page puts first what the person who opened it came for, and one
tap leads from a duty to the form that proves it. Screenshots go to var/screenshots/ (not committed)."""

from pathlib import Path

from .conftest import log_in, no_horizontal_scroll
from .test_offline_assets import offline

VILLAGE = "/t520330101/v520330101201/"  # 光辉村: the demo cadre "cungan" works there
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
MAX_HEIGHT = 4000


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def page_height(page):
    return page.evaluate("document.documentElement.scrollHeight")


def test_cadre_sees_what_to_act_on_first_and_a_short_page(site, phone):
    seen = offline(phone)
    log_in(phone, site, "cungan")
    phone.goto(site.url + VILLAGE)
    shoot(phone, "village-cadre-360")
    screen = phone.viewport_size["height"]
    duties = phone.locator(".act-list > li.act")
    assert duties.count() >= 1, "the demo village has duties to act on"
    # Every duty to act on, with its status, lies within the first one and a half screens.
    last = duties.nth(duties.count() - 1).bounding_box()
    assert last["y"] + last["height"] <= 1.5 * screen, f"待办延伸到 {last['y'] + last['height']:.0f} px"
    for i in range(duties.count()):
        assert duties.nth(i).locator(".badge").inner_text() in {"逾期", "已退回", "待提交"}
    # Everything else is folded: rules, records by duty, calendar, the village profile.
    summaries = phone.locator("main details > summary").all_inner_texts()
    assert any("即将到期" in s for s in summaries) and any("各项职责的履职记录" in s for s in summaries)
    assert any("村规民约" in s for s in summaries) and any("村情概况" in s for s in summaries)
    assert phone.get_by_role("link", name="往期及全部履职记录").count() == 1
    assert page_height(phone) <= MAX_HEIGHT, f"村页面高 {page_height(phone)} px"
    assert no_horizontal_scroll(phone)
    assert seen == {"blocked": [], "errors": []}


def test_one_tap_from_a_duty_to_its_form_preselected(site, phone):
    log_in(phone, site, "cungan")
    phone.goto(site.url + VILLAGE)
    period = phone.locator(".act-list .period").first
    href = period.get_attribute("href")
    period.click()
    phone.wait_for_load_state()
    if "/edit/" in href:  # a returned record: the tap reopens it, the reviewer's reason on top
        assert phone.locator(".returned-reason").count() == 1
        return
    obligation = href.split("obligation=")[1]
    box = phone.locator(f"input[name=obligations][value='{obligation}']")
    assert box.is_checked()
    shoot(phone, "record-form-from-duty-360")
    assert no_horizontal_scroll(phone)


def test_visitor_sees_disclosures_first_and_duties_with_status(site, phone):
    phone.goto(site.url + VILLAGE)
    shoot(phone, "village-public-360")
    main = phone.locator("main").inner_text()
    assert main.index("三务公开") < main.index("本期职责")
    duties = phone.locator(".duty-list .badge")
    assert duties.count() >= 1 and duties.first.is_visible()
    assert phone.locator(".act-list").count() == 0  # nothing to act on for a visitor
    assert page_height(phone) <= MAX_HEIGHT
    assert no_horizontal_scroll(phone)
