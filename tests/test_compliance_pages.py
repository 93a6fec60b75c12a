"""API shapes, iCal feed, dashboards, Excel export, rule → villages, query counts."""

import datetime
import io
import json

import pytest
from openpyxl import load_workbook

from compliance import status as st
from compliance.models import Obligation, Record
from core import clock
from villages.models import VillagePage

V1 = "520330101201"


@pytest.fixture
def village(db):
    return VillagePage.objects.get(code=V1)


def test_obligations_api_shape(client, login, village):
    period = clock.today().strftime("%Y-%m")
    login("cungan")
    data = client.get(f"/api/v1/villages/{V1}/obligations/?period={period}").json()
    assert data["village"] == V1 and data["period"] == period and data["results"]
    row = data["results"][0]
    assert set(row) == {"item_code", "item", "period", "status", "due", "records"}
    assert all(r["status"] in st.ALL for r in data["results"])
    with_records = [r for r in data["results"] if r["records"]]
    assert with_records and set(with_records[0]["records"][0]) == {"id", "url"}
    client.logout()
    public = client.get(f"/api/v1/villages/{V1}/obligations/?period={period}").json()
    assert len(public["results"]) < len(data["results"])  # only duties with a disclosure requirement
    public_ids = {rec["id"] for r in public["results"] for rec in r["records"]}
    assert all(Record.objects.get(pk=i).is_public for i in public_ids)
    bad = client.get(f"/api/v1/villages/{V1}/obligations/?period=2026-13")
    assert bad.status_code == 422 and "无法识别的期间" in bad.json()["detail"]
    missing = client.get("/api/v1/villages/999999999999/obligations/")
    assert missing.status_code == 404 and missing.json()["detail"] == "未找到该村"


def test_api_submit_links_obligation_by_ref(client, login, village):
    ob = Obligation.objects.filter(village=village, item_code="DZZ-01", submitted_at__isnull=True).order_by(
        "-due").first()
    if ob is None:
        pytest.skip("demo task lists not loaded")
    login("cungan")
    body = {"kind": "meeting", "title": "联席会议", "occurred_on": clock.today().isoformat(),
            "obligation_refs": [{"item_code": ob.item_code, "period": ob.period_key}],
            "content": {"meeting_type": "联席会议", "chair": "甲", "expected": 5, "actual": 5, "agenda": ["议题"],
                        "speakers": ["甲", village.secretary], "decisions": ["决定"]}}
    r = client.post(f"/api/v1/villages/{V1}/records/", json.dumps(body), content_type="application/json")
    assert r.status_code == 201, r.content
    out = r.json()
    assert out["state"] == "待审核" and out["url"].endswith(f"/records/r/{out['id']}/")
    ob.refresh_from_db()
    assert ob.status() == st.IN_REVIEW


def test_ical_feed_parses(client, village):
    r = client.get(f"/records/villages/{V1}/calendar.ics")
    assert r.status_code == 200 and r["Content-Type"].startswith("text/calendar")
    text = r.content.decode()
    # Unfold per RFC 5545 and check the structure line by line.
    lines = text.replace("\r\n ", "").split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    events = [line for line in lines if line == "BEGIN:VEVENT"]
    assert len(events) == lines.count("END:VEVENT") > 0
    starts = [line.split(":", 1)[1] for line in lines if line.startswith("DTSTART;VALUE=DATE:")]
    assert all(datetime.datetime.strptime(s, "%Y%m%d") for s in starts)
    try:
        import icalendar
    except ImportError:
        return
    cal = icalendar.Calendar.from_ical(r.content)
    assert len(cal.walk("VEVENT")) == len(events)


def test_township_and_county_dashboards_and_excel(client, login, village):
    login("dudao")
    page = client.get("/records/townships/520330101/").content.decode()
    assert "完成率热力图" in page and "<svg" in page and "红旗村" in page and "得分 = 100" in page
    r = client.get("/records/townships/520330101/export.xlsx")
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["完成情况", "红旗村评分", "逾期清单", "月度趋势"]
    names = [row[0].value for row in wb["完成情况"].iter_rows(min_row=3)]
    assert village.title in names
    login("bianji")
    page = client.get("/records/county/").content.decode()
    assert "土城镇" in page and "提级监督" in page
    wb = load_workbook(io.BytesIO(client.get("/records/county/export.xlsx").content))
    assert wb["红旗村评分"].max_row > 2


def test_rule_to_villages(client, login, village):
    login("bianji")
    page = client.get("/records/items/DZZ-01/")
    if page.status_code == 404:
        pytest.skip("demo task lists not loaded")
    body = page.content.decode()
    assert village.title in body and "逾期的村" in body


def test_supervision_rectify_and_close(client, login, village):
    login("dudao")
    r = client.post(f"/records/villages/{V1}/supervision/", {"kind": "rectify", "reason": "补齐记录"})
    assert "请填写“整改期限”" in r.content.decode()
    due = (clock.today() + datetime.timedelta(days=10)).isoformat()
    client.post(f"/records/villages/{V1}/supervision/", {"kind": "rectify", "reason": "补齐记录", "rectify_by": due})
    action = village.supervision_actions.latest("id")
    assert action.is_open()
    client.post(f"/records/actions/{action.pk}/close/", {"closed_on": clock.today().isoformat(),
                                                         "closure_note": "已补开会议"})
    action.refresh_from_db()
    assert action.closed_on and not action.is_open()


def test_targets_tracked_like_obligations(client, login, village):
    login("cungan")
    r = client.post(f"/records/villages/{V1}/targets/", {"title": "", "due": "x"})
    assert "请填写目标任务" in r.content.decode()
    client.post(f"/records/villages/{V1}/targets/", {"title": "修通组道", "due": "2026-01-31"})
    target = village.targets.latest("id")
    assert target.status() == st.OVERDUE
    client.post(f"/records/villages/{V1}/targets/", {"done": target.pk, "done_on": "2026-02-03"})
    target.refresh_from_db()
    assert target.status() == st.DONE_LATE


def _count_page_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def _add_history(village, years=3):
    """More data for the village: earlier years of obligations, each with an accepted record."""
    from compliance.obligations import generate

    today = clock.today()
    generate([village], datetime.date(today.year - years, 1, 1), datetime.date(today.year - 1, 12, 31))
    obs = list(Obligation.objects.filter(village=village, due__lt=datetime.date(today.year, 1, 1)))
    records = Record.objects.bulk_create([Record(village=village, kind="meeting", title=f"旧记录{o.pk}",
                                                 occurred_on=o.due, state=Record.ACCEPTED) for o in obs])
    Through = Record.obligations.through
    Through.objects.bulk_create([Through(record_id=r.pk, obligation_id=o.pk) for r, o in zip(records, obs, strict=True)])
    return len(obs)


def test_query_counts_do_not_grow_with_data(client, login, village, django_assert_max_num_queries):
    from compliance.wagtail_hooks import village_section

    login("dudao")
    before_page = _count_page_queries(client, village.url)
    before_dash = _count_page_queries(client, "/records/townships/520330101/")
    assert _add_history(village) > 100
    assert _count_page_queries(client, village.url) == before_page
    assert _count_page_queries(client, "/records/townships/520330101/") == before_dash
    with django_assert_max_num_queries(15):
        assert client.get("/records/townships/520330101/").status_code == 200
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    request = RequestFactory().get(village.url)
    request.user = get_user_model().objects.get(username="dudao")
    with django_assert_max_num_queries(15):
        section = village_section(request, village)
        from django.template.loader import render_to_string

        render_to_string(section["template"], section["context"], request=request)


def test_citations_link_to_dated_article_and_back(client, login, village):
    from policies.models import RegulationVersion

    version = next((v for v in RegulationVersion.objects.select_related("page") if v.articles()), None)
    if version is None:
        pytest.skip("demo regulations not loaded")
    article = version.articles()[0]
    login("cungan")
    body = {"kind": "seal", "title": "11月用印登记", "occurred_on": clock.today().isoformat(),
            "content": {"entries": [["2026-11-03", "开具证明", "书记", "文书"]]},
            "citations": [{"version": version.pk, "article": article.label}]}
    r = client.post(f"/api/v1/villages/{V1}/records/", json.dumps(body), content_type="application/json")
    assert r.status_code == 201, r.content
    page = client.get(f"/records/r/{r.json()['id']}/").content.decode()
    assert f"/{version.effective_from.isoformat()}/#{article.anchor}" in page
    bad = dict(body, citations=[{"version": version.pk, "article": "第九百九十九条"}])
    r = client.post(f"/api/v1/villages/{V1}/records/", json.dumps(bad), content_type="application/json")
    assert r.status_code == 422 and "不存在" in r.json()["detail"]
    login("dudao")
    rule = client.get(f"/records/articles/{version.page_id}/{article.anchor}/")
    assert rule.status_code == 200 and village.title in rule.content.decode()


def test_heatmap_by_single_duty(client, login, village):
    login("dudao")
    page = client.get("/records/townships/520330101/?by=item").content.decode()
    assert "村 × 事项" in page and 'href="/records/items/' in page


def test_not_applicable_with_reason(client, login, village):
    ob = Obligation.objects.filter(village=village, submitted_at__isnull=True,
                                   due__lt=clock.today()).first()
    if ob is None:
        pytest.skip("no overdue obligation in the demo")
    login("cungan")
    assert client.post(f"/records/obligations/{ob.pk}/na/", {"na_reason": "本村无此事项"}).status_code == 403
    login("dudao")
    client.post(f"/records/obligations/{ob.pk}/na/", {"na_reason": ""})
    ob.refresh_from_db()
    assert not ob.not_applicable
    client.post(f"/records/obligations/{ob.pk}/na/", {"na_reason": "本村无此事项"})
    ob.refresh_from_db()
    assert ob.status() == st.NOT_APPLICABLE and ob.na_reason == "本村无此事项"


def test_siyi_form_opens_matter_obligation(client, login, village):
    from compliance.obligations import on_demand_items

    if not on_demand_items():
        pytest.skip("no on-demand task items")
    login("cungan")
    data = {"title": "村集体光伏项目", "occurred_on": "2026-09-01", "matter": "光伏项目", "major": "on",
            "action": "draft", "s1_date": "2026-09-01", "s1_expected": "7", "s1_actual": "7", "s1_content": "提议"}
    assert client.post(f"/records/villages/{V1}/new/siyi/", data).status_code == 302
    record = Record.objects.latest("id")
    ob = Obligation.objects.get(village=village, period_key=f"事项{record.pk}")
    assert ob.matter_id == record.pk and list(record.obligations.all()) == [ob]
    r = client.post(f"/records/r/{record.pk}/edit/", dict(data, action="submit"))
    assert r.status_code == 200 and "请填写第②步" in r.content.decode()
    record.refresh_from_db()
    assert record.state == Record.DRAFT
