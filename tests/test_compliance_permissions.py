"""Who may read and write what: pages, record pages, file downloads, reviews and the API.
Every forbidden read or write answers 403 or 404 and changes nothing."""

import base64
import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from compliance.models import Attachment, Record, SupervisionAction
from core.roles import SUPERVISOR
from villages.models import CadreAssignment, TownshipPage, VillagePage

OWN, SAME_TOWNSHIP = "520330101201", "520330101202"


@pytest.fixture
def world(db):
    own = VillagePage.objects.get(code=OWN)
    neighbour = VillagePage.objects.get(code=SAME_TOWNSHIP)
    other_township = TownshipPage.objects.exclude(code="520330101").order_by("code").first()
    far = VillagePage.objects.descendant_of(other_township).order_by("code").first()
    outsider = get_user_model().objects.create_user("waizhen", password="x")
    outsider.groups.add(Group.objects.get(name=SUPERVISOR))
    CadreAssignment.objects.create(user=outsider, township=other_township)
    records = {}
    for v in (own, neighbour, far):
        records[v.code] = {
            "private": Record.objects.create(village=v, kind="meeting", title="内部会议", occurred_on=datetime.date(
                2026, 11, 2), state=Record.SUBMITTED, submitted_at="2026-11-02T10:00:00+08:00"),
            "public": Record.objects.create(village=v, kind="disclosure", title="线上公开", occurred_on=datetime.date(
                2026, 11, 2), state=Record.ACCEPTED, is_public=True, content={"channel": "线上"}),
        }
    return {"own": own, "neighbour": neighbour, "far": far, "records": records}


def ok(status):
    return status == 200


def denied(status):
    return status in (403, 404)


def as_user(login, matrix, username):
    """Logs ``username`` in (None: stays anonymous); ``(allowed, key)`` for the own, neighbour and far village."""
    if username:
        login(username)
    return zip(matrix[username], ("own", "neighbour", "far"), strict=True)


# user → which villages' private records it may read (own, neighbour, far)
READ = {None: (False, False, False), "cungan": (True, False, False), "diyishuji": (False, True, False),
        "dudao": (True, True, False), "waizhen": (False, False, True), "bianji": (True, True, True)}


@pytest.mark.parametrize("username", list(READ))
def test_read_matrix(client, login, world, username):
    for allowed, key in as_user(login, READ, username):
        village = world[key]
        private = world["records"][village.code]["private"]
        public = world["records"][village.code]["public"]
        status = client.get(f"/records/r/{private.pk}/").status_code
        assert ok(status) if allowed else denied(status), (username, key, status)
        assert client.get(f"/records/r/{public.pk}/").status_code == 200  # disclosed: everyone
        listing = client.get(f"/records/villages/{village.code}/").content.decode()
        assert ("内部会议" in listing) == allowed
        api = json.loads(client.get(f"/api/v1/villages/{village.code}/obligations/?period=2026-11").content)
        assert api["village"] == village.code


# user → may submit for (own, neighbour, far)
WRITE = {None: (False, False, False), "cungan": (True, False, False), "diyishuji": (False, True, False),
         "dudao": (False, False, False), "bianji": (False, False, False)}


@pytest.mark.parametrize("username", list(WRITE))
def test_write_matrix_form_and_api(client, login, world, username):
    for allowed, key in as_user(login, WRITE, username):
        code = world[key].code
        before = Record.objects.count()
        data = {"title": "周会", "occurred_on": "2026-11-20", "meeting_type": "两委会", "chair": "甲", "expected": "5",
                "actual": "5", "agenda": "议题", "speakers": "甲", "decisions": "决定", "action": "submit"}
        status = client.post(f"/records/villages/{code}/new/meeting/", data).status_code
        assert status == 302 if allowed else denied(status), (username, key, status)
        assert Record.objects.count() == before + (1 if allowed else 0)
        body = {"kind": "meeting", "title": "周会", "occurred_on": "2026-11-20", "content": {
            "meeting_type": "两委会", "chair": "甲", "expected": 5, "actual": 5, "agenda": ["议题"], "speakers": ["甲"],
            "decisions": ["决定"]}}
        status = client.post(f"/api/v1/villages/{code}/records/", json.dumps(body),
                             content_type="application/json").status_code
        assert status == 201 if allowed else denied(status), (username, key, status)
        assert Record.objects.count() == before + (2 if allowed else 0)


# user → may review (own, neighbour, far)
REVIEW = {None: (False, False, False), "cungan": (False, False, False), "dudao": (True, True, False),
          "waizhen": (False, False, True), "bianji": (True, True, True)}


@pytest.mark.parametrize("username", list(REVIEW))
def test_review_and_supervision_matrix(client, login, world, username):
    for allowed, key in as_user(login, REVIEW, username):
        record = world["records"][world[key].code]["private"]
        status = client.post(f"/records/r/{record.pk}/review/", {"result": "accepted"}).status_code
        record.refresh_from_db()
        assert (status == 302 and record.state == Record.ACCEPTED) if allowed else (
            denied(status) and record.state == Record.SUBMITTED), (username, key, status)
        before = SupervisionAction.objects.count()
        status = client.post(f"/records/villages/{world[key].code}/supervision/",
                             {"kind": "talk", "reason": "提醒"}).status_code
        assert (status == 302) if allowed else denied(status)
        assert SupervisionAction.objects.count() == before + (1 if allowed else 0)


def test_file_downloads_follow_record_access(client, login, world):
    from django.core.files.base import ContentFile

    record = world["records"][OWN]["private"]
    att = Attachment(record=record, original_name="a.pdf", file_type="pdf", size=9, sha256="0" * 64)
    att.file.save("a.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    assert client.get(f"/records/files/{att.pk}/").status_code == 404
    login("diyishuji")
    assert client.get(f"/records/files/{att.pk}/").status_code == 404
    login("cungan")
    assert client.get(f"/records/files/{att.pk}/").status_code == 200
    assert not att.file.url.startswith("/media/") or "private" in att.file.path


def test_dashboards_by_role(client, login, world):
    assert denied(client.get("/records/county/").status_code)
    assert denied(client.get("/records/townships/520330101/").status_code)
    login("dudao")
    assert client.get("/records/townships/520330101/").status_code == 200
    assert denied(client.get("/records/county/").status_code)
    assert denied(client.get(f"/records/townships/{TownshipPage.objects.exclude(code='520330101').first().code}/")
                  .status_code)
    login("bianji")
    assert client.get("/records/county/").status_code == 200


def test_api_basic_auth_and_chinese_errors(client, world):
    auth = "Basic " + base64.b64encode(b"cungan:xishui-demo-2026").decode()
    before = Record.objects.count()
    r = client.post(f"/api/v1/villages/{OWN}/records/", json.dumps({"kind": "meeting", "title": "会", "occurred_on":
                    "2026-11-20", "content": {"meeting_type": "联席会议", "expected": "x"}}),
                    content_type="application/json", HTTP_AUTHORIZATION=auth)
    assert r.status_code == 422
    body = r.json()
    assert body["errors"]["expected"] == "“应到人数”应为整数。" and Record.objects.count() == before
    r = client.post(f"/api/v1/villages/{OWN}/records/", "{bad json", content_type="application/json",
                    HTTP_AUTHORIZATION=auth)
    assert r.status_code == 422 and "JSON" in r.json()["detail"]
    wrong = "Basic " + base64.b64encode(b"cungan:wrong").decode()
    r = client.post(f"/api/v1/villages/{OWN}/records/", "{}", content_type="application/json",
                    HTTP_AUTHORIZATION=wrong)
    assert r.status_code == 403 and r.json()["detail"] == "认证失败或无权执行此操作。"  # no password oracle (issue 12)
    assert Record.objects.count() == before


def test_api_multipart_with_evidence(client, world):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "JPEG")
    auth = "Basic " + base64.b64encode(b"cungan:xishui-demo-2026").decode()
    payload = {"kind": "disclosure", "title": "组公告栏公开", "occurred_on": "2026-11-20", "content": {
        "scope": "村务", "subject": "低保评议结果", "channel": "组公告栏", "posted_on": "2026-11-20"}}
    r = client.post(f"/api/v1/villages/{OWN}/records/", {"payload": json.dumps(payload)}, HTTP_AUTHORIZATION=auth)
    assert r.status_code == 422 and "照片" in r.json()["detail"]
    photo = SimpleUploadedFile("board.jpg", out.getvalue(), content_type="image/jpeg")
    r = client.post(f"/api/v1/villages/{OWN}/records/", {"payload": json.dumps(payload), "files": photo},
                    HTTP_AUTHORIZATION=auth)
    assert r.status_code == 201, r.content
    assert Attachment.objects.get(record_id=r.json()["id"]).file_type == "jpg"
