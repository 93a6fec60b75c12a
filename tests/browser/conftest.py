"""Browser tests: Debian's Chromium driven by Playwright (never a downloaded browser), against
one real site per run (see server.py). Skipped where /usr/bin/chromium is absent."""

import os
import shutil

import pytest

from .server import shared_site

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "xishui-demo-2026"


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason="需要 Debian 的 chromium（apt-get install chromium）")
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)
            if not os.path.exists(CHROMIUM):
                item.add_marker(skip)


@pytest.fixture(scope="session")
def site():
    return shared_site()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


@pytest.fixture
def phone(browser):
    """A 360 px wide phone, the size many village cadres read on."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1,
                                  accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def desk(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def log_in(page, site, username):
    page.goto(site.url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site.url + "/admin/")
