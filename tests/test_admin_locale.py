"""The admin speaks Chinese where Wagtail's own zh_Hans catalogue is silent: the project locale
(locale/zh_Hans) is committed compiled, matches its .po, and is what editors and publishers see."""

import datetime
import gettext
import json
import re
from pathlib import Path

import pytest
import wagtail
from django.conf import settings
from django.utils import translation

from core import clock
from core.pofile import catalog, mo_bytes, parse
from policies.models import RegulationPage

LOCALE = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"
DOMAINS = ["django", "djangojs"]

# What users reported or met in the browser, English before this locale existed.
ENGLISH = [
    "Schedule to publish", "Choose when this page should go live", "awaiting moderation",
    "Only reviewers", "Locked by workflow", "seconds ago", "minutes ago", "Go-live:", "Sent to ",
    "Anyone can edit this", "Your pages and snippets in a workflow",
]


def visible(html):
    """The page without scripts and tags: what a reader sees, hidden dialogs included."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def assert_no_english(html):
    text = visible(html)
    assert [phrase for phrase in ENGLISH if phrase in text] == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_committed_mo_is_the_compiled_po(domain):
    """Editing the .po without rebuilding the .mo (python -m core.pofile ...) fails here."""
    po, mo = LOCALE / f"{domain}.po", LOCALE / f"{domain}.mo"
    assert mo.read_bytes() == mo_bytes(catalog(parse(po)))
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in parse(po):
        if not entry["msgid"]:
            continue
        if "msgid_plural" in entry:
            assert compiled.ngettext(entry["msgid"], entry["msgid_plural"], 2) == entry["msgstr[0]"]
        else:
            assert compiled.gettext(entry["msgid"]) == entry["msgstr"]


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_every_placeholder(domain):
    """A translation that drops or renames %(name)s or {name} would crash the admin at runtime."""
    for entry in parse(LOCALE / f"{domain}.po"):
        if not entry["msgid"]:
            continue
        source = entry.get("msgid_plural", entry["msgid"])
        target = entry.get("msgstr[0]", entry.get("msgstr"))
        assert target, entry["msgid"]
        pattern = r"\{\w+\}" if "python-brace-format" in entry["flags"] else r"%\(\w+\)[sd]"
        assert sorted(re.findall(pattern, target)) == sorted(re.findall(pattern, source)), entry["msgid"]


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_entry_is_still_a_wagtail_string(domain):
    """After a Wagtail upgrade, strings Wagtail renamed show up here as stale entries to revisit."""
    known = set()
    for po in Path(wagtail.__file__).parent.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"):
        known.update(entry["msgid"] for entry in parse(po))
    ours = {entry["msgid"] for entry in parse(LOCALE / f"{domain}.po") if entry["msgid"]}
    assert sorted(ours - known) == []


def test_gettext_returns_the_project_translations():
    with translation.override("zh-hans"):
        assert translation.gettext("Schedule to publish") == "定时发布"
        assert translation.gettext("This %(model_name)s is currently awaiting moderation.") == \
            "此%(model_name)s正在等待审核。"
        assert translation.ngettext("There is one matching page", "There are %(counter)s matching pages",
                                    3) % {"counter": 3} == "共有 3 个匹配的页面"
        assert translation.gettext("Locked pages") == "已锁定的页面"     # Wagtail's own, untouched


@pytest.mark.django_db
def test_login_page_labels_are_chinese(client):
    html = client.get("/admin/login/").content.decode()
    assert re.search(r"<label[^>]*for=\"id_password\"[^>]*>\s*密码", html)
    assert "Password" not in visible(html)


@pytest.mark.django_db
def test_publisher_sees_schedule_in_chinese(client, login):
    """A draft with a go-live time: the publisher's button and the schedule dialog are Chinese."""
    publisher = login("shenhe")
    page = RegulationPage.objects.get(slug="sanhui-yike-renwu-qingdan")
    page.go_live_at = clock.now() + datetime.timedelta(days=3)
    page.save_revision(user=publisher)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "定时发布" in html
    assert "选择此页面的上线时间和/或到期时间" in html
    assert "上线时间：" in html
    assert_no_english(html)


@pytest.mark.django_db
def test_page_in_moderation_is_chinese_for_editor_and_publisher(client, login):
    editor = login("bianji")
    page = RegulationPage.objects.get(slug="sanhui-yike-renwu-qingdan")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)

    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "此页面正在等待审核。" in html
    assert "审核流程中已锁定" in html
    assert_no_english(html)
    dashboard = client.get("/admin/").content.decode()
    assert "您在审核流程中的页面和片段" in dashboard
    assert_no_english(dashboard)

    login("shenhe")
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "送交县委组织部审核发布" in html
    assert_no_english(html)
    assert_no_english(client.get("/admin/").content.decode())
    assert_no_english(client.get("/admin/reports/workflow/").content.decode())


@pytest.mark.django_db
def test_admin_javascript_strings_are_chinese(client, login):
    """Autosave and the block editor read their strings from the JavaScript catalogue."""
    login("bianji")
    catalogue = client.get("/admin/jsi18n/").content.decode()
    for chinese in ["正在自动保存…", "插入内容块"]:
        assert json.dumps(chinese)[1:-1] in catalogue
