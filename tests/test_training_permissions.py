"""Who may do what in training: 培训管理员 manages, 第一书记/村干部 take, 乡镇督导 see their own
township's progress, anyone may verify a certificate."""

import pytest

from core.permissions import is_county_staff
from training.models import Certificate, TrainingSession

pytestmark = pytest.mark.django_db


def manager_pages():
    session = TrainingSession.objects.get(is_demo=True)
    return [f"/training/sessions/{session.pk}/", f"/training/sessions/{session.pk}/code/", "/training/progress/"]


def test_anonymous_sees_courses_and_verification_only(client):
    assert client.get("/peixun/").status_code == 200
    assert client.get("/peixun/siyi-liang-gongkai/lesson-1/").status_code == 200
    assert client.get("/training/verify/").status_code == 200
    for url in ["/training/me/", "/training/signin/", *manager_pages()]:
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url
    assert client.get("/api/v1/training/questions/?stale=true").status_code == 403


def test_trainee_takes_but_does_not_manage(client, login):
    login("diyishuji")
    assert client.get("/training/me/").status_code == 200
    for url in manager_pages():
        assert client.get(url).status_code == 403, url
    cert = Certificate.objects.filter(user__username="flsj01").first()
    assert client.get(f"/training/certificates/{cert.code}/pdf/").status_code == 404  # someone else's


def test_supervisor_sees_only_their_township(client, login):
    login("dudao")  # 土城镇
    html = client.get("/training/progress/").content.decode()
    assert "土城镇" in html
    for name in ["陈明远", "郑海波"]:  # flsj01, dysj08 in 土城镇
        assert name in html
    assert "王丽娟" not in html  # flsj02 is in another township
    assert client.get("/training/progress/?township=520330102").status_code == 403
    for url in manager_pages()[:2]:
        assert client.get(url).status_code == 403


def test_training_manager_manages_everything_but_is_not_county_staff(client, login):
    manager = login("peixun")
    assert not is_county_staff(manager)  # no compliance review rights
    for url in manager_pages() + ["/admin/snippets/training/question/", "/admin/snippets/training/trainingsession/"]:
        assert client.get(url).status_code == 200, url
    county = client.get("/training/progress/").content.decode()
    assert "王丽娟" in county and "陈明远" in county
    xlsx = client.get("/training/progress/?format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_public_verification_masks_the_name(client):
    cert = Certificate.objects.select_related("user").get(user__username="flsj01",
                                                            course__slug="siyi-liang-gongkai")
    html = client.get(f"/training/verify/?code={cert.display_code.lower()}").content.decode()
    assert "证书有效" in html and "陈*远" in html and "陈明远" not in html
    missing = client.get("/training/verify/?code=AAAA-BBBB-CCCC")
    assert missing.status_code == 404 and "未找到该证书" in missing.content.decode()


def test_owner_downloads_the_certificate_pdf(client, login):
    login("flsj01")
    cert = Certificate.objects.filter(user__username="flsj01").first()
    response = client.get(f"/training/certificates/{cert.code}/pdf/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
