"""History is never cut: task-list items and versions that duties point at stay as they were,
removing them is refused with a message naming what depends on them, a delete never ends in a
500, and a user named in the audit trail is deactivated instead of deleted."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db.models import ProtectedError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from compliance import history_guard
from compliance.models import Citation, Obligation, Record, Review
from policies.models import RegulationPage, TaskItem, TaskListIndexPage, TaskListPage
from villages.models import VillagePage

pytestmark = pytest.mark.django_db
V1 = "520330101201"


def item(code, name):
    return ("item", {"code": code, "name": name, "category": "", "responsible": "村党组织",
                     "frequency": "monthly", "deadline_day": "", "deadline_note": "",
                     "basis": {"count": 0}, "steps": {"count": 1, "0": {
                         "type": "item", "deleted": "", "order": 0, "id": "",
                         "value": {"actor": "村党组织", "action": "召开会议", "record": "记录",
                                   "time_limit": "", "next_steps": ""}}},
                     "evidence": "", "disclosure": "", "supervisor": "", "risks": ""})


def form(versions):
    """``versions``: dicts with label, start, items and optionally id / DELETE."""
    return nested_form_data({
        "title": "历史清单", "slug": "lishi", "list_code": "HIST", "issuer": "中共习水县委组织部", "summary": "",
        "versions": inline_formset([
            {"id": v.get("id", ""), "label": v["label"], "doc_number": "", "issued_on": "",
             "effective_from": v["start"], "effective_to": v.get("end", ""), "trial_until": "", "change_note": "",
             "items": streamfield(v["items"]), **({"DELETE": "on"} if v.get("DELETE") else {})}
            for v in versions], initial=sum(1 for v in versions if v.get("id"))),
        "action-publish": "publish",
    })


@pytest.fixture
def listed(client, login):
    """A published list whose item HIST-01 a village duty points at."""
    login("shenhe")
    index = TaskListIndexPage.objects.get()
    r = client.post(f"/admin/pages/add/policies/tasklistpage/{index.pk}/",
                    form([{"label": "2025年版", "start": "2025-01-01", "end": "2025-12-31",
                           "items": [item("HIST-01", "召开会议")]},
                          {"label": "2026年版", "start": "2026-01-01", "items": [item("HIST-01", "召开会议")]}]))
    assert r.status_code == 302, r.content.decode()[:500]
    page = TaskListPage.objects.get(list_code="HIST")
    old, new = sorted(page.versions.all(), key=lambda v: v.effective_from)
    row = TaskItem.objects.get(version=old, code="HIST-01")
    duty = Obligation.objects.create(
        village=VillagePage.objects.get(code=V1), item=row, version=old, tasklist=page, item_code="HIST-01",
        item_name=row.name, frequency="monthly", period_key="2025-03", opens=datetime.date(2025, 3, 1),
        due=datetime.date(2025, 3, 31))
    return page, old, new, row, duty


def test_removing_a_referenced_version_is_refused_with_what_depends_on_it(client, listed):
    page, old, new, _row, duty = listed
    r = client.post(f"/admin/pages/{page.pk}/edit/", form([
        {"id": old.pk, "label": "2025年版", "start": "2025-01-01", "end": "2025-12-31",
         "items": [item("HIST-01", "召开会议")], "DELETE": True},
        {"id": new.pk, "label": "2026年版", "start": "2026-01-01", "items": [item("HIST-01", "召开会议")]}]))
    assert r.status_code == 200
    message = "版本“2025年版”不能删除：1 条履职事项引用了它"
    assert any(message in e for e in r.context["form"].non_field_errors())
    assert message in r.content.decode()
    duty.refresh_from_db()
    assert duty.version_id == old.pk and duty.item_id == listed[3].pk
    # Below the form, the database refuses too.
    with pytest.raises(ProtectedError):
        old.delete()


def test_a_changed_item_gets_a_new_row_and_the_old_text_stays(client, listed):
    page, old, new, row, duty = listed
    r = client.post(f"/admin/pages/{page.pk}/edit/", form([
        {"id": old.pk, "label": "2025年版", "start": "2025-01-01", "end": "2025-12-31",
         "items": [item("HIST-01", "召开并记录会议")]},
        {"id": new.pk, "label": "2026年版", "start": "2026-01-01", "items": [item("HIST-01", "召开会议")]}]))
    assert r.status_code == 302, r.content.decode()[:500]
    kept = TaskItem.objects.get(pk=row.pk)
    assert kept.name == "召开会议"  # the text the duty met is unchanged
    assert [i.name for i in page.item_rows(old)] == ["召开并记录会议"]
    duty.refresh_from_db()
    assert duty.item_id == row.pk
    # An item nobody points at follows the stream in place.
    unreferenced = TaskItem.objects.get(version=new, code="HIST-01")
    client.post(f"/admin/pages/{page.pk}/edit/", form([
        {"id": old.pk, "label": "2025年版", "start": "2025-01-01", "end": "2025-12-31",
         "items": [item("HIST-01", "召开并记录会议")]},
        {"id": new.pk, "label": "2026年版", "start": "2026-01-01", "items": [item("HIST-01", "按月召开会议")]}]))
    assert TaskItem.objects.get(pk=unreferenced.pk).name == "按月召开会议"


def test_deleting_a_referenced_page_is_a_message_not_a_500(client, listed):
    page = listed[0]
    for response in (client.get(f"/admin/pages/{page.pk}/delete/"), client.post(f"/admin/pages/{page.pk}/delete/")):
        assert response.status_code == 302
    assert TaskListPage.objects.filter(pk=page.pk).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("不能删除“历史清单”" in m and "履职事项" in m for m in messages), messages


def test_township_roles_cannot_delete_live_regulations():
    regulation = RegulationPage.objects.live().first()
    supervisor = get_user_model().objects.get(username="dudao")
    assert "只有县级管理员可以删除" in history_guard.page_refusal(supervisor, regulation)


def test_a_cited_regulation_version_cannot_be_deleted():
    citation = Citation.objects.filter(version__isnull=False).select_related("version").first()
    if citation is None:
        pytest.skip("示例数据中没有引用条文")
    with pytest.raises(ProtectedError):
        citation.version.delete()
    assert "条引用条文" in history_guard.describe(history_guard.blockers([citation.version]))


def test_a_user_in_the_audit_trail_is_deactivated_not_deleted(client, login):
    reviewer = get_user_model().objects.create_user("shenheyuan", password="x")
    record = Record.objects.create(village=VillagePage.objects.get(code=V1), kind="meeting", title="会议",
                                   occurred_on=datetime.date(2026, 11, 2), state=Record.ACCEPTED)
    Review.objects.create(record=record, reviewer=reviewer, result="accepted")
    login("admin")
    assert client.get(f"/admin/users/delete/{reviewer.pk}/").status_code == 200
    r = client.post(f"/admin/users/delete/{reviewer.pk}/")
    assert r.status_code == 302
    reviewer.refresh_from_db()
    assert not reviewer.is_active and Review.objects.get(record=record).reviewer_id == reviewer.pk
    nobody = get_user_model().objects.create_user("linshi", password="x")
    client.post(f"/admin/users/delete/{nobody.pk}/")
    assert not get_user_model().objects.filter(pk=nobody.pk).exists()
