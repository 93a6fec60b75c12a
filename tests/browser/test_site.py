"""The public site in a real browser (Debian's Chromium through Playwright), at phone width."""



from .conftest import no_horizontal_scroll


def test_home_page_on_a_phone(site, phone):
    phone.goto(site.url + "/")
    assert "习水" in phone.title()
    assert phone.locator("main h1").inner_text().startswith("习水县")
    assert no_horizontal_scroll(phone)
    for landmark in ("banner", "main", "contentinfo", "search"):
        assert phone.get_by_role(landmark).count() >= 1, landmark
    # The search box has an accessible name (a label), not just a placeholder.
    assert phone.get_by_label("检索制度条文、清单事项和村规民约").count() == 1


def test_township_to_village_navigation_on_a_phone(site, phone):
    phone.goto(site.url + "/")
    phone.get_by_role("link", name="土城镇").click()
    assert phone.locator("main h1").inner_text().startswith("土城镇")
    phone.locator("main .grid-links a").first.click()
    assert "村情概况" in phone.locator("main").inner_text()
    assert no_horizontal_scroll(phone)


def test_admin_login_with_demo_account(site, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site.url + "/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "xishui-demo-2026")
    page.click("button[type=submit]")
    page.wait_for_url(site.url + "/admin/")
    assert page.locator("body").inner_text().count("习水县村务规程库") >= 1
    context.close()
