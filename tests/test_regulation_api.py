"""API shapes and visibility: public sees live pages and versions in force now or past."""

import pytest

from policies.models import RegulationPage, RegulationVersion
from tests.regulation_helpers import add_version, days

pytestmark = pytest.mark.django_db


@pytest.fixture
def cadre():
    return RegulationPage.objects.get(slug="cunji-ganbu-guanli-banfa")


def test_list_shape_and_filters(client):
    data = client.get("/api/v1/regulations/").json()
    assert data["count"] == 14
    assert set(data["results"][0]) == {"id", "title", "number", "issuer", "status", "url"}
    data = client.get("/api/v1/regulations/", {"q": "干部管理", "category": "主体培育", "status": "试行"}).json()
    assert [r["title"] for r in data["results"]] == ["习水县村级干部管理办法(试行)"]
    resp = client.get("/api/v1/regulations/", {"status": "有效"})
    assert resp.status_code == 422 and "状态" in resp.json()["detail"]


def test_detail_text_and_diff(client, cadre):
    detail = client.get(f"/api/v1/regulations/{cadre.pk}/").json()
    assert detail["title"] == cadre.title and detail["status"] == "试行"
    assert [v["label"] for v in detail["versions"]] == ["2021年试行版", "2023年修订版"]
    assert detail["versions"][0]["effective_to"] == "2023-02-28"
    assert set(detail["versions"][0]) == {"id", "label", "effective_from", "effective_to", "status"}

    text = client.get(f"/api/v1/regulations/{cadre.pk}/text/", {"on": "2022-01-01"}).json()
    assert text["version"]["label"] == "2021年试行版"
    assert text["articles"][0] == {"label": "第一条", "chapter": "第一章 总则", "text": text["articles"][0]["text"]}
    assert len(client.get(f"/api/v1/regulations/{cadre.pk}/text/").json()["articles"]) == 13

    missing = client.get(f"/api/v1/regulations/{cadre.pk}/text/", {"on": "2020-01-01"})
    assert missing.status_code == 404 and "没有施行中的版本" in missing.json()["detail"]
    bad = client.get(f"/api/v1/regulations/{cadre.pk}/text/", {"on": "2020-02-31"})
    assert bad.status_code == 422 and "格式" in bad.json()["detail"]

    old, new = detail["versions"]
    diff = client.get(f"/api/v1/regulations/{cadre.pk}/diff/", {"from": old["id"], "to": new["id"]}).json()
    kinds = [(c["change"], c["from_label"], c["to_label"]) for c in diff["changes"]]
    assert ("added", None, "第八条") in kinds and ("renumbered", "第八条", "第九条") in kinds
    assert set(diff["changes"][0]) == {"change", "from_label", "to_label", "before", "after"}
    assert client.get(f"/api/v1/regulations/{cadre.pk}/diff/", {"from": "x", "to": 1}).status_code == 422


def test_future_version_and_draft_page_need_edit_rights(client, login, cadre):
    add_version(cadre, days(10), "条 将来的条文。", label="将来版")
    future = RegulationVersion.objects.get(page=cadre, label="将来版")
    on = days(10).isoformat()
    assert "将来版" not in [v["label"] for v in client.get(f"/api/v1/regulations/{cadre.pk}/").json()["versions"]]
    assert client.get(f"/api/v1/regulations/{cadre.pk}/text/", {"on": on}).status_code == 404
    old = RegulationVersion.objects.get(page=cadre, label="2021年试行版")
    assert client.get(f"/api/v1/regulations/{cadre.pk}/diff/", {"from": old.pk, "to": future.pk}).status_code == 404

    other = RegulationPage.objects.get(slug="sanhui-yike-renwu-qingdan")
    other.unpublish()
    assert client.get(f"/api/v1/regulations/{other.pk}/").status_code == 404
    assert client.get("/api/v1/regulations/").json()["count"] == 13

    login("bianji")
    assert "将来版" in [v["label"] for v in client.get(f"/api/v1/regulations/{cadre.pk}/").json()["versions"]]
    assert client.get(f"/api/v1/regulations/{cadre.pk}/text/", {"on": on}).json()["version"]["label"] == "将来版"
    assert client.get(f"/api/v1/regulations/{other.pk}/").status_code == 200
    assert client.get("/api/v1/regulations/").json()["count"] == 14


def test_cadre_cannot_see_future_version(client, login, cadre):
    add_version(cadre, days(10), "条 将来的条文。", label="将来版")
    login("cungan")
    labels = [v["label"] for v in client.get(f"/api/v1/regulations/{cadre.pk}/").json()["versions"]]
    assert "将来版" not in labels
