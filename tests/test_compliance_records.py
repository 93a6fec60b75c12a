"""Submission form (drafts, validation), evidence, review transitions, revisions, pages."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from compliance.models import Attachment, Obligation, Record, Review
from core import clock
from villages.models import VillagePage

V1 = "520330101201"


def png(size=(20, 20)):
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return SimpleUploadedFile("photo.png", out.getvalue(), content_type="image/png")


def meeting_post(**kw):
    data = {"title": "第47周村务联席会议", "occurred_on": clock.today().isoformat(),
            "meeting_type": "联席会议", "chair": "书记", "expected": "7", "actual": "7",
            "agenda": "人居环境整治", "speakers": "委员甲\n委员乙", "decisions": "分组包片", "action": "submit"}
    data.update(kw)
    return data


@pytest.fixture
def village(db):
    return VillagePage.objects.get(code=V1)


def test_draft_then_submit(client, login, village):
    login("cungan")
    before = Record.objects.count()
    r = client.post(f"/records/villages/{V1}/new/meeting/", {"title": "草稿会议", "occurred_on": "2026-11-20",
                                                              "meeting_type": "联席会议", "action": "draft"})
    assert r.status_code == 302
    draft = Record.objects.latest("id")
    assert Record.objects.count() == before + 1 and draft.state == Record.DRAFT
    page = client.get(f"/records/r/{draft.pk}/edit/")
    assert "草稿会议" in page.content.decode()
    r = client.post(f"/records/r/{draft.pk}/edit/", meeting_post(title="草稿会议", speakers=f"委员甲\n{village.secretary}"))
    assert r.status_code == 302
    draft.refresh_from_db()
    assert draft.state == Record.SUBMITTED and draft.flags == [] and Record.objects.count() == before + 1


def test_invalid_input_saves_nothing_and_says_why_in_chinese(client, login, village):
    login("cungan")
    before = Record.objects.count()
    r = client.post(f"/records/villages/{V1}/new/meeting/", meeting_post(expected="七", actual="9"))
    assert r.status_code == 200
    body = r.content.decode()
    assert "“应到人数”应为整数。" in body and "未保存" in body
    r = client.post(f"/records/villages/{V1}/new/meeting/", meeting_post(occurred_on="2026-02-30"))
    assert "日期格式应如" in r.content.decode()
    r = client.post(f"/records/villages/{V1}/new/meeting/", meeting_post(major="on"))
    assert "四议两公开" in r.content.decode()
    bad = SimpleUploadedFile("x.exe", b"MZ...", content_type="application/octet-stream")
    r = client.post(f"/records/villages/{V1}/new/meeting/", {**meeting_post(), "files": bad})
    assert "只能上传 JPG、PNG 图片或 PDF" in r.content.decode()
    fake_pdf = SimpleUploadedFile("x.pdf", b"not a pdf", content_type="application/pdf")
    r = client.post(f"/records/villages/{V1}/new/meeting/", {**meeting_post(), "files": fake_pdf})
    assert "不是有效的 PDF" in r.content.decode()
    assert Record.objects.count() == before and not Attachment.objects.filter(record__village=village,
                                                                              original_name="x.pdf").exists()


def test_all_problems_at_once_and_a_dropped_attachment_is_named(client, login, village):
    """A field error and a bad file are reported together; a good photo sent with a bad form is
    not kept (browsers cannot refill file inputs), and the form says to choose it again."""
    login("cungan")
    before = (Record.objects.count(), Attachment.objects.count())
    fake_jpg = SimpleUploadedFile("photo.jpg", b"not really an image", content_type="image/jpeg")
    body = client.post(f"/records/villages/{V1}/new/meeting/",
                       {**meeting_post(expected="七"), "files": fake_jpg}).content.decode()
    assert "“应到人数”应为整数。" in body and "“photo.jpg”不是有效的图片文件。" in body
    body = client.post(f"/records/villages/{V1}/new/meeting/",
                       {**meeting_post(expected="七"), "files": png()}).content.decode()
    assert "重新选择附件" in body and "第47周村务联席会议" in body
    assert (Record.objects.count(), Attachment.objects.count()) == before


def test_secretary_not_last_is_flagged(client, login, village):
    login("cungan")
    client.post(f"/records/villages/{V1}/new/meeting/", meeting_post(speakers=f"{village.secretary}\n委员甲"))
    record = Record.objects.latest("id")
    assert record.state == Record.SUBMITTED and "末位表态" in record.flags[0]


def test_evidence_checks_hash_and_thumbnail(client, login, village, settings):
    login("cungan")
    client.post(f"/records/villages/{V1}/new/meeting/", {**meeting_post(), "files": png()})
    att = Attachment.objects.latest("id")
    assert len(att.sha256) == 64 and att.width == 20 and att.thumbnail
    assert client.get(f"/records/files/{att.pk}/").status_code == 200
    assert client.get(f"/records/files/{att.pk}/thumb/")["Content-Type"] == "image/jpeg"
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100  # a 20×20 image now exceeds the cap
    before = Record.objects.count()
    r = client.post(f"/records/villages/{V1}/new/meeting/", {**meeting_post(), "files": png()})
    assert "像素过大" in r.content.decode() and Record.objects.count() == before


def test_disclosure_on_board_needs_photo_online_is_public(client, login, village):
    login("cungan")
    data = {"title": "10月财务公开", "occurred_on": "2026-11-02", "scope": "财务", "subject": "10月收支明细",
            "channel": "公开栏", "posted_on": "2026-11-02", "action": "submit"}
    r = client.post(f"/records/villages/{V1}/new/disclosure/", data)
    assert "须上传公开现场照片" in r.content.decode()
    client.post(f"/records/villages/{V1}/new/disclosure/", dict(data, channel="线上"))
    record = Record.objects.latest("id")
    assert record.is_public and record.state == Record.SUBMITTED


def test_review_return_resubmit_accept_keeps_history(client, login, village):
    ob = Obligation.objects.filter(village=village, submitted_at__isnull=True).order_by("due").first()
    login("cungan")
    client.post(f"/records/villages/{V1}/new/meeting/", {**meeting_post(), "obligations": [ob.pk]})
    record = Record.objects.latest("id")
    ob.refresh_from_db()
    assert ob.status() == "待审核"
    login("dudao")
    r = client.post(f"/records/r/{record.pk}/review/", {"result": "returned", "comment": ""})
    record.refresh_from_db()
    assert record.state == Record.SUBMITTED  # returning needs a reason
    client.post(f"/records/r/{record.pk}/review/", {"result": "returned", "comment": "缺少签到表"})
    record.refresh_from_db()
    ob.refresh_from_db()
    assert record.state == Record.RETURNED and ob.status() == "已退回"
    login("cungan")
    assert "缺少签到表" in client.get(f"/records/r/{record.pk}/edit/").content.decode()
    r = client.post(f"/records/r/{record.pk}/edit/", {**meeting_post(), "obligations": [ob.pk]})
    new = Record.objects.latest("id")
    assert new.root_id == record.pk and new.revision == 2 and new.state == Record.SUBMITTED
    record.refresh_from_db()
    assert not record.is_current and record.state == Record.RETURNED  # the returned one stays readable
    login("dudao")
    client.post(f"/records/r/{new.pk}/review/", {"result": "accepted", "comment": ""})
    ob.refresh_from_db()
    assert ob.status() in ("已完成", "逾期后完成")
    page = client.get(f"/records/r/{new.pk}/").content.decode()
    assert "修订历史" in page and "第1版" in page
    assert Review.objects.filter(record__in=[record, new]).count() == 2
    # Accepted records are corrected by a new revision, never edited or deleted.
    login("cungan")
    r = client.post(f"/records/r/{new.pk}/correct/")
    third = Record.objects.latest("id")
    assert third.revision == 3 and third.state == Record.DRAFT and r.status_code == 302
    with pytest.raises(Exception, match="不可删除"):
        new.delete()
    with pytest.raises(Exception, match="不可删除"):
        Record.objects.filter(pk=new.pk).delete()
    assert Record.objects.filter(pk=new.pk).exists()


def test_village_page_section_and_links(client, login, village):
    page = client.get(village.url).content.decode()
    assert "履职情况" in page and "calendar.ics" in page
    assert "填报履职记录" not in page
    login("cungan")
    page = client.get(village.url).content.decode()
    assert "填报履职记录" in page and "本期职责" in page


def test_every_kind_has_a_form(client, login, village):
    login("cungan")
    for kind in ("meeting", "siyi", "disclosure", "accounts", "petition", "seal", "leave", "duty"):
        r = client.get(f"/records/villages/{V1}/new/{kind}/")
        assert r.status_code == 200 and 'name="action" value="draft"' in r.content.decode()
    assert client.get(f"/records/villages/{V1}/new/nope/").status_code == 404
