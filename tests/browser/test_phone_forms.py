"""Issue 16 at 360 px: a record form offers the duties of its type, folds long sections, fits the
screen, and keeps what was typed (in this browser) until the server has saved it."""

from .conftest import log_in, no_horizontal_scroll
from .test_phone_village import page_height, shoot

NEW = "/records/villages/520330101201/new/"


def visible_duties(page):
    return [t for t in page.locator("fieldset.obligations label.check").all_inner_texts() if t.strip()]


def test_meeting_form_offers_meeting_duties_and_fits_a_phone(site, phone):
    log_in(phone, site, "cungan")
    phone.goto(site.url + NEW + "meeting/")
    shoot(phone, "form-meeting-360")
    assert no_horizontal_scroll(phone)
    offered = visible_duties(phone)
    assert offered, "the demo village has meeting duties open"
    for text in offered:  # what one sees unfolded is what a meeting record proves
        assert "代办" not in text and "财务公开" not in text, text
    # Other types stay reachable, folded.
    others = phone.locator("details.obligation-others", has_text="其他类型的事项")
    assert others.count() == 1 and not others.get_attribute("open")
    # Long typed sections (agenda, speakers, decisions) are folded until tapped.
    speakers = phone.locator("details.field-lines", has_text="发言顺序")
    assert not speakers.locator("textarea").is_visible()
    speakers.locator("summary").click()
    assert speakers.locator("textarea").is_visible()
    assert page_height(phone) <= 2500


def test_siyi_steps_fold(site, phone):
    log_in(phone, site, "cungan")
    phone.goto(site.url + NEW + "siyi/")
    shoot(phone, "form-siyi-360")
    steps = phone.locator("details.step")
    assert steps.count() == 6 and phone.locator("details.step[open]").count() == 0
    assert page_height(phone) <= 2000 and no_horizontal_scroll(phone)


def test_typing_survives_a_reload_and_is_cleared_once_saved(site, phone):
    log_in(phone, site, "cungan")
    phone.goto(site.url + NEW + "petition/")
    key = phone.locator("form[data-autosave]").get_attribute("data-autosave")
    phone.fill("#id_title", "11月群众说事（自动保存测试）")
    phone.fill("#id_place", "村委会二楼")
    phone.locator("details.field-rows summary").first.click()
    phone.fill("#id_matters", "路灯不亮|张三|2026-11-30|已报修|满意")
    phone.reload()
    # Nothing typed is lost: the values come back, the folded section holding them opens, and a note says so.
    assert phone.input_value("#id_title") == "11月群众说事（自动保存测试）"
    assert phone.input_value("#id_place") == "村委会二楼"
    assert phone.locator("#id_matters").is_visible()
    assert phone.input_value("#id_matters") == "路灯不亮|张三|2026-11-30|已报修|满意"
    assert "已恢复本机上尚未保存的填写内容" in phone.locator(".autosave-note").inner_text()
    shoot(phone, "form-autosave-restored-360")
    phone.get_by_role("button", name="保存草稿").click()
    phone.wait_for_url("**/edit/")
    assert "草稿已保存" in phone.locator(".messages").inner_text()
    assert phone.input_value("#id_place") == "村委会二楼"  # the server has it now
    assert phone.evaluate(f"localStorage.getItem({key!r})") is None
