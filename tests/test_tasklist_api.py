"""/api/v1/tasklists/ and /api/v1/villages/{code}/rules/: shapes and who sees what."""

import datetime

import pytest

from core import clock
from policies.models import TaskListPage, TaskListVersion, VillageRulePage, VillageRuleVersion
from villages.models import VillagePage

pytestmark = pytest.mark.django_db


def test_list_shape(client):
    data = client.get("/api/v1/tasklists/").json()
    assert data["count"] >= 6 and len(data["results"]) == data["count"]
    first = data["results"][0]
    assert {"id", "title", "status", "url"} <= set(first)
    assert any(r["title"] == "习水县村级“小微权力”清单" and r["status"] == "现行有效" for r in data["results"])


def test_detail_shape_and_item_urls(client):
    page = TaskListPage.objects.get(list_code="SHYK")
    data = client.get(f"/api/v1/tasklists/{page.pk}/").json()
    assert data["title"] == page.title and data["version"]["label"] == "2024年修订版"
    item = next(i for i in data["items"] if i["code"] == "SHYK-02")
    assert {"code", "name", "frequency", "deadline", "responsible", "basis", "steps", "evidence", "disclosure",
            "url"} <= set(item)
    assert item["frequency"] == "monthly" and item["url"] == f"{page.url}SHYK-02/"
    assert set(item["steps"][0]) >= {"actor", "action", "record"}
    assert client.get(item["url"]).status_code == 200
    old = client.get(f"/api/v1/tasklists/{page.pk}/?on=2022-01-01").json()
    assert old["version"]["label"] == "2021年版" and "SHYK-05" not in [i["code"] for i in old["items"]]
    bad = client.get(f"/api/v1/tasklists/{page.pk}/?on=2022-02-30")
    assert bad.status_code == 400 and "无效" in bad.json()["detail"]
    missing = client.get("/api/v1/tasklists/999999/")
    assert missing.status_code == 404 and "没有找到" in missing.json()["detail"]


def test_future_versions_and_unpublished_lists_need_edit_rights(client, login):
    page = TaskListPage.objects.get(list_code="DZZ")
    current = page.current_version()
    start = clock.today() + datetime.timedelta(days=20)
    future = TaskListVersion(label="2027年版", effective_from=start, items=list(current.items.raw_data))
    page.versions = [current, future]
    page.save_revision().publish()
    public = client.get(f"/api/v1/tasklists/{page.pk}/").json()
    assert [v["label"] for v in public["versions"]] == ["2022年版"]
    assert client.get(f"/api/v1/tasklists/{page.pk}/?on={start.isoformat()}").status_code == 403
    assert "2027年版" not in client.get(page.url).content.decode()

    page.unpublish()
    assert page.pk not in [r["id"] for r in client.get("/api/v1/tasklists/").json()["results"]]
    assert client.get(f"/api/v1/tasklists/{page.pk}/").status_code == 404

    login("bianji")
    assert page.pk in [r["id"] for r in client.get("/api/v1/tasklists/").json()["results"]]
    data = client.get(f"/api/v1/tasklists/{page.pk}/?on={start.isoformat()}").json()
    assert data["version"]["label"] == "2027年版" and data["version"]["status"] == "现行有效"


def draft_rules(village):
    """First rules still a draft (every demo village has rules in force, so the test makes its own)."""
    body = VillageRuleVersion.objects.filter(page__slug="cunguiminyue").first().body
    page = VillageRulePage(title=f"{village.title}村规民约", slug="cunguiminyue")
    page.versions = [VillageRuleVersion(label="首版草案", body=body, drafted_on=datetime.date(2026, 10, 1))]
    village.add_child(instance=page)


def test_village_rules_public_and_editor(client, login):
    village = VillagePage.objects.filter(code__startswith="520330102").order_by("code").first()
    data = client.get("/api/v1/villages/520330101201/rules/").json()
    assert data["village_code"] == "520330101201" and data["status"] == "已备案生效"
    assert data["version"]["filing_number"] and data["version"]["based_on"]
    assert data["articles"][0]["label"] == "第一条" and data["articles"][0]["text"]
    # A village whose rules are still a draft: nothing in force for the public.
    draft_rules(village)
    resp = client.get(f"/api/v1/villages/{village.code}/rules/")
    assert resp.status_code == 404 and "没有已备案生效的村规民约" in resp.json()["detail"]
    resp = client.get("/api/v1/villages/520330101201/rules/?on=2015-01-01")
    assert resp.status_code == 404
    resp = client.get("/api/v1/villages/999999999999/rules/")
    assert resp.status_code == 404 and "没有找到" in resp.json()["detail"]
    login("bianji")
    data = client.get(f"/api/v1/villages/{village.code}/rules/").json()
    assert data["status"] == "草案" and data["version"]["voted_on"] is None and data["articles"]
