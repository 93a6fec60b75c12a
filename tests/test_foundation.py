import io
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from wagtail.models import Page

from villages.models import TownshipPage, VillagePage

pytestmark = pytest.mark.django_db


def test_no_missing_migrations():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def test_home_page_is_chinese_and_links_townships(client):
    resp = client.get("/")
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "习水" in html and 'lang="zh-Hans"' in html
    assert "土城镇" in html and "坭坝乡" in html and "东皇街道" in html


def test_township_and_village_pages_render(client):
    township = TownshipPage.objects.get(code="520330101")
    resp = client.get(township.url)
    assert resp.status_code == 200
    assert "<h1>土城镇" in resp.content.decode()
    village = VillagePage.objects.child_of(township).order_by("code").first()
    resp = client.get(village.url)
    assert resp.status_code == 200
    html = resp.content.decode()
    assert f"<h1>{village.title}" in html and "一肩挑" in html


def test_demo_geography_matches_brief():
    assert TownshipPage.objects.count() == 26
    assert VillagePage.objects.count() >= 245
    codes = list(VillagePage.objects.values_list("code", flat=True))
    assert len(codes) == len(set(codes)) and all(len(c) == 12 and c.startswith("520330") for c in codes)


def test_load_demo_is_idempotent():
    before = (Page.objects.count(), VillagePage.objects.count())
    call_command("load_demo", quiet_logins=True, small=True, stdout=io.StringIO())
    assert (Page.objects.count(), VillagePage.objects.count()) == before


def test_villages_api_filters_paginates_and_counts(client):
    resp = client.get("/api/v1/villages/", {"township": "土城", "page_size": 3})
    data = resp.json()
    township = TownshipPage.objects.get(code="520330101")
    assert data["count"] == VillagePage.objects.descendant_of(township).count()
    assert len(data["results"]) == 3
    assert {r["township"] for r in data["results"]} == {"土城镇"}
    assert set(data["results"][0]) == {"code", "name", "township", "url"}
    page2 = client.get("/api/v1/villages/", {"township": "520330101", "page_size": 3, "page": 2}).json()
    assert page2["results"][0]["code"] != data["results"][0]["code"]
    assert client.get("/api/v1/villages/").json()["count"] == VillagePage.objects.count()
    assert client.get("/api/v1/villages/", {"township": "不存在"}).json() == {"count": 0, "results": []}
    assert client.get("/api/v1/villages/", {"page_size": 0}).status_code == 422


def test_openapi_docs_are_served(client):
    assert client.get("/api/v1/docs").status_code == 200
    assert "/api/v1/villages/" in client.get("/api/v1/openapi.json").json()["paths"]


def test_dates_render_the_chinese_way():
    import datetime

    from core.templatetags.rulebook import cn_date

    assert cn_date(datetime.date(2025, 1, 1)) == "2025年1月1日"


def test_production_settings_pass_deploy_check():
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cms.settings.production",
               SECRET_KEY="x" * 30 + "-production-secret-for-the-deploy-check-only",
               ALLOWED_HOSTS="rules.example.cn", DATABASE_URL="sqlite:////tmp/rulebook-deploy-check.sqlite3")
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret():
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cms.settings.production", SECRET_KEY="", ALLOWED_HOSTS="x")
    result = subprocess.run([sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_missing_page_gets_a_chinese_404(client):
    resp = client.get("/no-such-page/")
    assert resp.status_code == 404
    html = resp.content.decode()
    assert "页面不存在" in html and "返回首页" in html and "Resolver404" not in html
