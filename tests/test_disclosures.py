"""Issue 16: the county's 三务公开 page lists the public disclosures (and only those) by township,
village, category and period, with where each was posted and the amounts it names."""

import pytest

from compliance.duty_kinds import kind_for
from compliance.models import Record
from villages.models import VillagePage

pytestmark = pytest.mark.django_db

V1, V2 = "520330101201", "520330101202"
URL = "/records/disclosures/"


def _disclosure(code, title, *, scope="财务", channel="线上", day="2026-11-02", public=True, state=Record.SUBMITTED,
                subject="10月收支明细：修缮村道支出 12,500.00元，补助 3.2万元"):
    return Record.objects.create(
        village=VillagePage.objects.get(code=code), kind="disclosure", title=title, occurred_on=day, state=state,
        is_public=public, content={"scope": scope, "subject": subject, "channel": channel, "posted_on": day})


def test_lists_public_disclosures_with_postings_and_amounts(client):
    _disclosure(V1, "测试公开甲")
    _disclosure(V1, "测试内部乙", public=False, channel="公开栏")
    _disclosure(V1, "测试草稿丙", state=Record.DRAFT)
    html = client.get(URL).content.decode()
    assert "测试公开甲" in html
    assert "测试内部乙" not in html and "测试草稿丙" not in html  # the one public-record rule
    assert "线上 · 2026-11-02张贴" in html
    assert "12,500.00元" in html and "3.2万元" in html


def test_filters_by_township_village_category_and_period(client):
    _disclosure(V1, "测试一村财务", scope="财务", day="2026-10-05")
    _disclosure(V2, "测试二村村务", scope="村务", day="2026-11-05")
    html = client.get(URL, {"village": V2}).content.decode()
    assert "测试二村村务" in html and "测试一村财务" not in html
    html = client.get(URL, {"township": "520330101", "scope": "财务"}).content.decode()
    assert "测试一村财务" in html and "测试二村村务" not in html
    html = client.get(URL, {"period": "2026-11"}).content.decode()
    assert "测试二村村务" in html and "测试一村财务" not in html
    html = client.get(URL, {"township": "999999999"}).content.decode()
    assert "测试一村财务" in html  # an unknown township widens to the county, and says so


@pytest.mark.parametrize("params, message", [
    ({"township": "999999999"}, "没有这个乡镇"),
    ({"village": "nope"}, "没有这个村"),
    ({"scope": "军务"}, "公开类别应为党务、村务、财务"),
    ({"period": "2026-13"}, "期间应写作年份"),
    ({"page": "x"}, "三务公开"),
])
def test_bad_filters_get_a_chinese_message_and_still_a_page(client, params, message):
    r = client.get(URL, params)
    assert r.status_code == 200 and message in r.content.decode()


def test_village_page_shows_its_disclosures_first_to_visitors(client, login):
    _disclosure(V1, "测试本村公开")
    village = VillagePage.objects.get(code=V1)
    html = client.get(village.url).content.decode()
    assert "测试本村公开" in html and html.index("测试本村公开") < html.index("村情概况")
    login("cungan")
    html = client.get(village.url).content.decode()
    assert html.index("现在要办") < html.index("村情概况")


@pytest.mark.parametrize("name, category, kind", [
    ("主持召开村务联席会议", "议事决策", "meeting"), ("召开支部党员大会", "三会", "meeting"),
    ("“三重一大”事项实行“四议两公开”", "决策程序", "siyi"), ("财务公开", "三务公开", "disclosure"),
    ("开展“清账行动”", "三资管理", "accounts"), ("举办“群众说事日”", "联系群众", "petition"),
    ("城乡居民医疗保险参保代办", "代办服务", ""),
])
def test_record_type_of_a_duty(name, category, kind):
    assert kind_for(name, category) == kind


def test_meeting_form_offers_meeting_duties_and_the_one_it_was_opened_from(client, login):
    from compliance.models import Obligation

    login("cungan")
    village = VillagePage.objects.get(code=V1)
    agent = Obligation.objects.filter(village=village, item_name__contains="代办").order_by("-due").first()
    html = client.get(f"/records/villages/{V1}/new/meeting/").content.decode()
    unfolded = html.split("其他类型的事项")[0]
    assert "代办" not in unfolded and "联席会议" in unfolded
    if agent is not None:  # opened from a duty of another type: it is offered, checked, on top
        html = client.get(f"/records/villages/{V1}/new/meeting/?obligation={agent.pk}").content.decode()
        assert f'value="{agent.pk}" checked' in html.split("其他类型的事项")[0]
