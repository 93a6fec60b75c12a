"""Issue 16: "新建版本" starts an amendment from the text in force, so only what changes is edited."""

import pytest
from wagtail.models import Revision

from core import clock
from policies.models import RegulationPage
from policies.regulations.newversion import source_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def regulation():
    for page in RegulationPage.objects.live().order_by("pk"):
        if page.current_version() and page.current_version().articles():
            return page
    pytest.skip("demo regulations not loaded")


def _url(page):
    return f"/admin/regulations/{page.pk}/new-version/"


def test_new_version_copies_the_text_in_force_into_the_draft(client, login, regulation):
    login("admin")
    in_force = regulation.current_version()
    live_versions = regulation.versions.count()
    form = client.get(_url(regulation)).content.decode()
    assert in_force.label in form and "从Word导入新版本" in form
    r = client.post(_url(regulation), {"label": "2027年修订版", "effective_from": "2027-01-01", "doc_number": "习组发〔2027〕1号"})
    assert r.status_code == 302 and r["Location"].endswith(f"/pages/{regulation.pk}/edit/")
    draft = RegulationPage.objects.get(pk=regulation.pk).get_latest_revision_as_object()
    new = next(v for v in draft.versions.all() if v.label == "2027年修订版")
    assert [(a.label, a.text) for a in new.articles()] == [(a.label, a.text) for a in in_force.articles()]
    assert new.doc_number == "习组发〔2027〕1号" and str(new.effective_from) == "2027-01-01"
    # The live text is untouched until the revision is published.
    assert RegulationPage.objects.get(pk=regulation.pk).versions.count() == live_versions
    assert RegulationPage.objects.get(pk=regulation.pk).current_version().pk == in_force.pk
    editor = client.get(f"/admin/pages/{regulation.pk}/edit/").content.decode()
    assert "新建版本（复制现行文本）" in editor


@pytest.mark.parametrize("data, message", [
    ({"label": "", "effective_from": "2027-01-01"}, "请填写新版本的名称"),
    ({"label": "旧日期版", "effective_from": "2000-01-01"}, "应晚于所复制版本"),
    ({"label": "坏日期版", "effective_from": "2027-02-30"}, "生效日期格式不对"),
])
def test_bad_input_changes_nothing(client, login, regulation, data, message):
    login("admin")
    before = Revision.objects.count()
    r = client.post(_url(regulation), data)
    assert r.status_code == 400 and message in r.content.decode()
    assert Revision.objects.count() == before


def test_only_editors_may_start_a_version(client, login, regulation):
    login("cungan")
    assert client.get(_url(regulation)).status_code in (302, 403)


def test_source_is_the_version_in_force(regulation):
    assert source_version(regulation).pk == regulation.version_on(clock.today()).pk


def test_word_import_can_be_started_as_a_new_version(client, login, regulation):
    login("admin")
    client.get(f"/admin/regulations/import/?version_of={regulation.pk}")
    assert client.session["policies_regulation_import_version_of"] == regulation.pk
