"""One record over JSON: read it with its revisions and reviews, revise it (correction or
resubmission), review it. The same rules as the pages: one transition per state, the village
access rules, Chinese messages for every refusal."""

import base64
import json

import pytest
from django.contrib.auth import get_user_model

from compliance import services
from compliance.models import Record, Review
from core import clock
from villages.demo import DEMO_PASSWORD
from villages.models import VillagePage

V1 = "520330101201"
CONTENT = {"meeting_type": "联席会议", "chair": "甲", "expected": 5, "actual": 5, "agenda": ["议题"],
           "speakers": ["甲", "书记"], "decisions": ["决定"]}


def basic(username):
    token = base64.b64encode(f"{username}:{DEMO_PASSWORD}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def post(client, url, body, username):
    return client.post(url, json.dumps(body), content_type="application/json", **basic(username))


@pytest.fixture
def submitted(db):
    village = VillagePage.objects.get(code=V1)
    cadre = get_user_model().objects.get(username="cungan")
    return services.save(village, cadre, "meeting", "接口会议", clock.today().isoformat(),
                         {**CONTENT, "agenda": "议题", "speakers": "甲\n书记", "decisions": "决定"}, submit=True)


def test_read_a_record_with_its_revisions_and_reviews(client, submitted):
    r = client.get(f"/api/v1/records/{submitted.pk}/", **basic("cungan"))
    assert r.status_code == 200, r.content
    out = r.json()
    assert out["id"] == submitted.pk and out["village"] == V1 and out["state"] == "submitted"
    assert out["current_id"] == submitted.pk and out["reviews"] == []
    assert out["revisions"] == [{"id": submitted.pk, "revision": 1, "state": "submitted"}]
    # A private record does not exist for the public, nor for a cadre of another village.
    assert client.get(f"/api/v1/records/{submitted.pk}/").status_code == 404
    other = client.get(f"/api/v1/records/{submitted.pk}/", **basic("diyishuji"))
    assert other.status_code == 404 and other.json()["detail"] == "未找到该履职记录。"
    assert client.get("/api/v1/records/999999999/", **basic("cungan")).status_code == 404


def test_return_resubmit_accept_over_json(client, submitted):
    url = f"/api/v1/records/{submitted.pk}"
    refused = post(client, f"{url}/review/", {"result": "returned", "comment": "请补充议题"}, "cungan")
    assert refused.status_code == 403 and refused.json()["detail"] == "您不能审核该村的记录。"
    bad = post(client, f"{url}/review/", {"result": "maybe"}, "dudao")
    assert bad.status_code == 422 and "审核结果应为" in bad.json()["detail"]
    no_reason = post(client, f"{url}/review/", {"result": "returned", "comment": " "}, "dudao")
    assert no_reason.status_code == 422 and no_reason.json()["errors"]["comment"] == "退回时须写明理由。"
    returned = post(client, f"{url}/review/", {"result": "returned", "comment": "请补充议题"}, "dudao")
    assert returned.status_code == 200 and returned.json()["state"] == "returned"
    again = post(client, f"{url}/review/", {"result": "accepted"}, "dudao")
    assert again.status_code == 409 and "只有待审核的当前版本可以审核" in again.json()["detail"]
    assert Review.objects.filter(record=submitted).count() == 1

    invalid = post(client, f"{url}/revisions/", {"title": "", "occurred_on": "2026-02-30", "content": CONTENT},
                   "cungan")
    assert invalid.status_code == 422 and {"title", "occurred_on"} <= set(invalid.json()["errors"])
    assert not Record.objects.filter(root=submitted).exists()
    resent = post(client, f"{url}/revisions/", {"title": "接口会议（补充）", "occurred_on": clock.today().isoformat(),
                                                "content": CONTENT}, "cungan")
    assert resent.status_code == 201, resent.content
    out = resent.json()
    assert out["revision"] == 2 and out["state"] == "submitted" and out["current_id"] == out["id"]
    assert [(r["revision"], r["state"]) for r in out["revisions"]] == [(1, "returned"), (2, "submitted")]
    # The returned revision is history now: revising it again forks nothing.
    stale = post(client, f"{url}/revisions/", {"title": "再来一次", "occurred_on": clock.today().isoformat(),
                                               "content": CONTENT}, "cungan")
    assert stale.status_code == 409 and "已有更新的版本" in stale.json()["detail"]
    assert Record.objects.filter(root=submitted).count() == 1

    accepted = post(client, f"/api/v1/records/{out['id']}/review/", {"result": "accepted", "comment": "同意"}, "dudao")
    assert accepted.status_code == 200
    reviews = client.get(f"/api/v1/records/{out['id']}/", **basic("dudao")).json()["reviews"]
    assert [(r["result"], r["comment"]) for r in reviews] == [("accepted", "同意")]


def test_correction_of_an_accepted_record_is_a_new_revision(client, submitted):
    services.review(submitted, get_user_model().objects.get(username="dudao"), "accepted", "")
    body = {"title": "接口会议（更正）", "occurred_on": clock.today().isoformat(), "content": CONTENT}
    r = post(client, f"/api/v1/records/{submitted.pk}/revisions/", body, "cungan")
    assert r.status_code == 201, r.content
    submitted.refresh_from_db()
    assert submitted.state == Record.ACCEPTED and not submitted.is_current
    assert r.json()["revisions"][-1]["state"] == "submitted" and r.json()["title"] == "接口会议（更正）"
    kind = post(client, f"/api/v1/records/{r.json()['id']}/revisions/", {**body, "kind": "petition"}, "cungan")
    assert kind.status_code == 422 and kind.json()["detail"] == "更正时不能改变记录类型。"
    outsider = post(client, f"/api/v1/records/{r.json()['id']}/revisions/", body, "diyishuji")
    assert outsider.status_code == 404
    anonymous = client.post(f"/api/v1/records/{r.json()['id']}/revisions/", json.dumps(body),
                            content_type="application/json")
    assert anonymous.status_code == 403 and anonymous.json()["detail"] == "请先登录。"
