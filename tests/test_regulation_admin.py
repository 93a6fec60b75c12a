"""Admin: Word upload view (preview → draft; wrong file writes nothing), menu item, moderation workflow."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Workflow

from core import clock
from policies.models import RegulationIndexPage, RegulationPage
from tests.regulation_helpers import make_docx

pytestmark = pytest.mark.django_db

URL = "/admin/regulations/import/"


def test_workflow_assigned_to_library():
    index = RegulationIndexPage.objects.get()
    assert index.slug == "zhidu"
    workflow = index.get_workflow()
    assert workflow.name == "县委组织部审核" and workflow.active
    task = workflow.tasks.get().specific
    assert [g.name for g in task.groups.all()] == ["县委组织部审核发布"]
    assert RegulationPage.objects.first().get_workflow() == workflow
    assert Workflow.objects.filter(name="县委组织部审核").count() == 1


def test_upload_preview_then_create_draft(client, login):
    login("bianji")
    menu = client.get("/admin/").content.decode()
    assert "\\u5bfc\\u5165Word\\u5236\\u5ea6" in menu and URL in menu  # 导入Word制度, JSON-escaped
    docx = make_docx(["习水县群众说事日工作规则", "习组通〔2024〕3号", "第一条 每月设立一次群众说事日。",
                      "第二条 村干部轮流接待。", "（一）登记；", "（二）交办；"])
    docx.name = "rules.docx"
    resp = client.post(URL, {"step": "upload", "file": docx})
    html = resp.content.decode()
    assert resp.status_code == 200 and "共识别 2 条" in html and "习水县群众说事日工作规则" in html
    before = Page.objects.count()
    resp = client.post(URL, {"step": "create", "title": "习水县群众说事日工作规则(修改)", "doc_number": "习组通〔2024〕3号",
                             "issuer": "中共习水县委组织部", "effective_from": "2024-02-01", "category": "", "version_of": ""})
    assert resp.status_code == 302
    page = RegulationPage.objects.get(title="习水县群众说事日工作规则(修改)")
    assert Page.objects.count() == before + 1 and not page.live
    assert page.versions.get().articles()[1].paragraphs[0].items == ["登记；", "交办；"]
    from wagtail.models import PageLogEntry

    assert PageLogEntry.objects.filter(page=page, user__username="bianji").exists()   # audit log
    assert "【尚未生效】" in page.get_admin_display_title() or "【现行有效】" in page.get_admin_display_title()


def test_wrong_file_shows_chinese_error_and_writes_nothing(client, login):
    login("bianji")
    before = Page.objects.count()
    bad = make_docx([])
    bad.name = "empty.docx"
    resp = client.post(URL, {"step": "upload", "file": bad})
    assert resp.status_code == 400 and "文档是空的" in resp.content.decode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    resp = client.post(URL, {"step": "upload", "file": SimpleUploadedFile("x.pdf", b"%PDF-1.4 nope")})
    assert resp.status_code == 400 and "无法读取该文件" in resp.content.decode()
    resp = client.post(URL, {"step": "create", "title": "x", "effective_from": "2024-01-01"})
    assert resp.status_code == 400 and "请先上传" in resp.content.decode()
    assert Page.objects.count() == before


def test_village_cadre_cannot_import(client, login):
    login("cungan")
    assert client.get(URL).status_code in (302, 403)
    assert reverse("policies_regulation_import") == URL


def test_editor_drafts_publisher_approves(client, login):
    """县委组织部编辑 submits a new version to the workflow; the live page keeps its text until
    县委组织部审核发布 approves; the editor cannot approve."""
    import datetime

    from django.contrib.auth import get_user_model

    from tests.regulation_helpers import add_version

    users = get_user_model().objects
    editor, publisher = users.get(username="bianji"), users.get(username="shenhe")
    page = RegulationPage.objects.get(slug="sanhui-yike-renwu-qingdan")
    add_version(page, datetime.date(2025, 1, 1), "条 经审核发布的新条文。", label="2025年版", publish=False)
    state = page.get_workflow().start(page, editor)
    assert state.status == "in_progress"
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(page, editor) == []
    assert "经审核发布的新条文" not in client.get(page.url).content.decode()
    task.on_action(task_state, publisher, "approve")
    assert "经审核发布的新条文" in client.get(page.url).content.decode()
    assert RegulationPage.objects.get(pk=page.pk).versions.count() == 2     # old version kept
    # Editors lock the pages they edit too (issue 12); only publishers publish.
    assert page.permissions_for_user(publisher).can_lock() and page.permissions_for_user(editor).can_lock()


def test_preview_of_draft_shows_draft_text(login):
    from django.test import RequestFactory

    from tests.regulation_helpers import add_version

    user = login("bianji")
    page = RegulationPage.objects.get(slug="sanhui-yike-renwu-qingdan")
    import datetime

    add_version(page, datetime.date(2025, 1, 1), "条 预览中的草稿条文。", label="草稿", publish=False)
    request = RequestFactory().get("/")
    request.user = user
    draft = page.get_latest_revision_as_object()
    response = draft.make_preview_request(request, draft.default_preview_mode)
    assert "预览中的草稿条文" in response.rendered_content


def _form(page, user, versions):
    form_class = RegulationPage.get_edit_handler().get_form_class()
    data = {"title": page.title, "slug": page.slug, "issuer": page.issuer, "doc_number": "",
            "versions-TOTAL_FORMS": str(len(versions)), "versions-INITIAL_FORMS": "0",
            "versions-MIN_NUM_FORMS": "1", "versions-MAX_NUM_FORMS": "1000"}
    for prefix in ("attachments", "relations"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    for i, (label, start, end) in enumerate(versions):
        data.update({f"versions-{i}-label": label, f"versions-{i}-effective_from": start,
                     f"versions-{i}-effective_to": end or "", f"versions-{i}-ORDER": str(i + 1),
                     f"versions-{i}-body-count": "0"})
    return form_class(data, instance=page, parent_page=page.get_parent(), for_user=user)


def test_admin_form_refuses_overlapping_versions(login):
    user = login("bianji")
    page = RegulationPage.objects.get(slug="sanhui-yike-renwu-qingdan")
    form = _form(page, user, [("甲版", "2024-01-01", "2024-06-30"), ("乙版", "2024-03-01", None)])
    assert not form.is_valid()
    assert any("不能重叠" in e for e in form.non_field_errors())
    form = _form(page, user, [("甲版", "2024-01-01", None), ("乙版", "2024-01-01", None)])
    form.is_valid()
    assert any("生效日期相同" in e for e in form.non_field_errors())


def test_admin_edit_and_preview_render(client, login):
    login("bianji")
    page = RegulationPage.objects.get(slug="cunji-ganbu-guanli-banfa")
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{page.pk}/history/").status_code == 200   # audit log


def test_scheduled_publishing_of_a_new_version(client):
    import datetime

    from django.core.management import call_command

    from tests.regulation_helpers import add_version

    page = RegulationPage.objects.get(slug="sanhui-yike-renwu-qingdan")
    add_version(page, datetime.date(2025, 1, 1), "条 定时发布的条文。", label="2025年版", publish=False)
    revision = page.get_latest_revision()
    revision.approved_go_live_at = clock.now() - datetime.timedelta(minutes=1)
    revision.save()
    assert "定时发布的条文" not in client.get(page.url).content.decode()
    call_command("publish_scheduled")
    assert "定时发布的条文" in client.get(page.url).content.decode()
