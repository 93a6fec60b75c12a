"""Editing a task list in the Wagtail admin: the form checks the versions and items together."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from policies.models import TaskItem, TaskListIndexPage, TaskListPage

pytestmark = pytest.mark.django_db


def item(code, frequency="monthly"):
    return ("item", {"code": code, "name": f"事项{code}", "category": "", "responsible": "村党组织",
                     "frequency": frequency, "deadline_day": "", "deadline_note": "",
                     "basis": {"count": 0}, "steps": {"count": 1, "0": {
                         "type": "item", "deleted": "", "order": 0, "id": "",
                         "value": {"actor": "村党组织", "action": "召开会议", "record": "记录",
                                   "time_limit": "", "next_steps": ""}}},
                     "evidence": "", "disclosure": "", "supervisor": "", "risks": ""})


def form(versions, ends=None):
    return nested_form_data({
        "title": "测试清单", "slug": "ceshi", "list_code": "TEST", "issuer": "中共习水县委组织部", "summary": "",
        "versions": inline_formset([
            {"label": label, "doc_number": "", "issued_on": "", "effective_from": start, "effective_to": (ends or {}).get(label, ""),
             "trial_until": "", "change_note": "", "items": streamfield(items)}
            for label, start, items in versions]),
        "action-publish": "publish",
    })


def add_url():
    return f"/admin/pages/add/policies/tasklistpage/{TaskListIndexPage.objects.get().pk}/"


def test_admin_refuses_duplicate_codes_and_overlapping_versions(client, login):
    login("shenhe")
    data = form([("2025年版", "2025-01-01", [item("TEST-01"), item("TEST-01")]),
                 ("2025年修订版", "2025-06-01", [item("TEST-01")])], ends={"2025年版": "2025-12-31"})
    resp = client.post(add_url(), data)
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "“2025年版”中事项编码“TEST-01”重复" in html
    assert "“2025年版”的失效日期晚于“2025年修订版”的生效日期" in html
    assert not TaskListPage.objects.filter(list_code="TEST").exists()


def test_admin_publish_builds_task_items(client, login):
    login("shenhe")
    resp = client.post(add_url(), form([("2025年版", "2025-01-01", [item("TEST-01"), item("TEST-02", "yearly")])]))
    assert resp.status_code == 302, resp.content.decode()[:2000]
    page = TaskListPage.objects.get(list_code="TEST")
    assert page.live
    rows = {i.code: i.frequency for i in TaskItem.objects.filter(version__page=page)}
    assert rows == {"TEST-01": "monthly", "TEST-02": "yearly"}
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


