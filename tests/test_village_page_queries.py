"""Issue 5: the village page and the county dashboard stay within 15 SQL queries whatever the data
size — for the public, the village cadre and the township supervisor — without losing what they show."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compliance.models import Citation, Obligation, Record, SupervisionAction, TargetTask
from core import clock
from policies.models import VillageRuleIndexPage, VillageRulePage, VillageRuleVersion
from villages import access
from villages.models import VillagePage

pytestmark = pytest.mark.django_db

V1 = "520330101201"
BUDGET = 15
USERS = [None, "cungan", "dudao"]


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx), response.content.decode()


def _as(client, username):
    client.logout()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    client.get("/")  # warm the site-root cache as any running server has it


def _more_rule_versions(village):
    """An older superseded text and two newer drafts for the village, a draft for the template."""
    rule = VillageRulePage.objects.child_of(village).get()
    current = rule.versions.get()
    body = current.body.raw_data
    old = datetime.date(2016, 5, 1)
    VillageRuleVersion.objects.bulk_create([
        VillageRuleVersion(page=rule, sort_order=10, label="2016年版", body=body, drafted_on=old,
                           township_reviewed_on=old, vote_meeting="村民会议", voted_on=old,
                           attendance_expected=100, attendance_actual=80, votes_for=70, filed_on=old,
                           filing_number="土备〔2016〕1号", effective_from=old),
        VillageRuleVersion(page=rule, sort_order=11, label="修订征求意见稿", body=body,
                           drafted_on=datetime.date(2026, 1, 5)),
        VillageRuleVersion(page=rule, sort_order=12, label="2027年修订草案", body=body,
                           drafted_on=datetime.date(2026, 2, 5)),
    ])
    template = VillageRulePage.objects.child_of(VillageRuleIndexPage.objects.get()).first()
    VillageRuleVersion.objects.create(page=template, sort_order=20, label="示范文本修订稿", body=body)


def _more_compliance(village):
    """Public and non-public records on this year's duties, citations, drafts, actions, targets."""
    today = clock.today()
    # Duties of the current period (due within the last two weeks or later), which the page lists in full.
    obligations = list(Obligation.objects.filter(village=village, due__gte=today - datetime.timedelta(days=14),
                                                 opens__lte=today).order_by("due")[:25])
    assert len(obligations) >= 5
    records = Record.objects.bulk_create(
        [Record(village=village, kind="meeting", title=f"新增公开记录{i}", occurred_on=o.due,
                state=Record.ACCEPTED, is_public=True) for i, o in enumerate(obligations)]
        + [Record(village=village, kind="meeting", title=f"新增内部记录{i}", occurred_on=o.due,
                  state=Record.SUBMITTED) for i, o in enumerate(obligations)])
    Through = Record.obligations.through
    Through.objects.bulk_create([Through(record_id=r.pk, obligation_id=o.pk)
                                 for r, o in zip(records, obligations * 2, strict=True)])
    sample = Citation.objects.first()
    if sample is not None:
        Citation.objects.bulk_create([Citation(record=r, regulation_id=sample.regulation_id,
                                               version_id=sample.version_id, article=sample.article,
                                               anchor=sample.anchor) for r in records])
    Record.objects.bulk_create([Record(village=village, kind="meeting", title=f"新增草稿{i}",
                                       occurred_on=today, state=Record.DRAFT) for i in range(8)])
    SupervisionAction.objects.bulk_create([SupervisionAction(village=village, kind=SupervisionAction.TALK,
                                                             reason=f"提醒{i}") for i in range(12)])
    TargetTask.objects.bulk_create([TargetTask(village=village, year=today.year, title=f"新增目标{i}",
                                               due=today + datetime.timedelta(days=30 + i)) for i in range(6)])


def test_village_page_within_budget_and_not_growing(client):
    village = VillagePage.objects.get(code=V1)
    before = {}
    for user in USERS:
        _as(client, user)
        before[user], html = _queries(client, village.url)
        assert before[user] <= BUDGET, f"{user or '公众'}：村页面 {before[user]} 次查询"
        assert "土城镇" in html and "村规民约" in html and "履职情况" in html

    _more_rule_versions(village)
    _more_compliance(village)

    for user in USERS:
        _as(client, user)
        after, html = _queries(client, village.url)
        assert after == before[user], f"{user or '公众'}：数据增加后查询从 {before[user]} 次变为 {after} 次"
        # The added data is shown, to whom it should be.
        assert "修订稿“2027年修订草案”尚在草案阶段" in html
        assert "新增公开记录" in html
        assert ("新增内部记录" in html) == (user is not None)
        assert ("新增草稿" in html) == (user is not None)


def test_county_dashboard_within_budget_and_not_growing(client):
    _as(client, "shenhe")
    before, html = _queries(client, "/records/county/")
    assert before <= BUDGET and "红旗村" in html
    _more_compliance(VillagePage.objects.get(code=V1))
    _more_compliance(VillagePage.objects.get(code="520330101202"))
    after, _html = _queries(client, "/records/county/")
    assert after == before


def test_village_rule_section_shows_what_the_model_methods_compute(rf):
    """The one-query section gives the same status, version, draft and notes as the page's own methods."""
    from policies.villagerules.adoption import pending
    from policies.villagerules.overview import template_current, village_rule_row
    from policies.villagerules.sections import village_rule_section

    on = clock.today()
    index, _template, template_version = template_current(on)
    _more_rule_versions(VillagePage.objects.get(code=V1))
    rules = list(VillageRulePage.objects.live().not_child_of(index))
    assert len(rules) >= 5
    for rule in rules:
        village = VillagePage.objects.get(pk=rule.get_parent().pk)
        context = village_rule_section(rf.get(village.url), village)["context"]
        status, version = rule.rule_status(on)
        row = village_rule_row(village, rule, on, template_version, index.max_age_years)
        assert context["rule"].pk == rule.pk
        assert (context["status"], context["version"]) == (status, version), village.title
        assert context["notes"] == row["flags"], village.title
        assert context["pending"] == pending(list(rule.versions.all()), on)
        assert len(context["articles"]) == (len(version.articles()) if version else 0)
    empty = VillagePage.objects.filter(code__startswith="520330102").first()
    assert village_rule_section(rf.get(empty.url), empty)["context"] == {"rule": None}


def test_village_rights_match_the_role_matrix_and_the_list_rule():
    """(view, submit, review) per demo account on its own village, a neighbour in the same
    township and a village elsewhere; "view" also agrees with the queryset used for lists."""
    from django.contrib.auth.models import AnonymousUser

    villages = [VillagePage.objects.get(code=V1), VillagePage.objects.get(code="520330101202"),
                VillagePage.objects.exclude(code__startswith="520330101").first()]
    none, county, supervise = (False, False, False), (True, False, True), (True, False, True)
    expected = {
        None: [none, none, none],
        "admin": [(True, True, True)] * 3,
        "bianji": [county] * 3,
        "shenhe": [county] * 3,
        "dudao": [supervise, supervise, none],
        "cungan": [(True, True, False), none, none],
        "diyishuji": [none, (True, True, False), none],
    }
    for username, rights in expected.items():
        user = get_user_model().objects.get(username=username) if username else AnonymousUser()
        listed = set(access.visible_villages(user).values_list("pk", flat=True))
        for village, want in zip(villages, rights, strict=True):
            assert access.village_rights(user, village) == want, (username, village.code)
            assert (village.pk in listed) == want[0], (username, village.code)


@pytest.mark.parametrize("where", ["township", "home", "village"])
def test_view_restrictions_still_apply_with_the_shorter_check(client, where):
    """The village page checks Wagtail view restrictions in one query: a login restriction on the
    page itself or any ancestor still keeps the public out, and logged-in users still get in."""
    from wagtail.models import Page, PageViewRestriction

    village = VillagePage.objects.get(code=V1)
    page = {"village": village, "township": village.get_parent(), "home": village.get_ancestors().get(depth=2)}[where]
    PageViewRestriction.objects.create(page=Page.objects.get(pk=page.pk), restriction_type=PageViewRestriction.LOGIN)
    _as(client, None)
    assert client.get(village.url).status_code == 302
    _as(client, "cungan")
    assert client.get(village.url).status_code == 200
