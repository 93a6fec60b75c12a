"""One meaning per figure: the status function, its SQL twin, the one overdue QuerySet, the
township summary and the village lists all agree on the demo."""

from collections import Counter

import pytest

from compliance import queries
from compliance import status as st
from compliance.models import Obligation
from core import clock
from villages.models import TownshipPage, VillagePage

pytestmark = pytest.mark.django_db
TOWNSHIP = "520330101"


def test_sql_status_and_overdue_queryset_equal_the_status_function():
    today = clock.today()
    rows = list(Obligation.objects.with_status(today))
    assert rows, "the demo has duties"
    assert [ob.computed_status for ob in rows] == [ob.status(today) for ob in rows]
    overdue = set(Obligation.objects.overdue(today).values_list("pk", flat=True))
    assert overdue == {ob.pk for ob in rows if ob.status(today) == st.OVERDUE}
    assert overdue, "the demo has overdue duties"
    counts = Obligation.objects.count_by_status(today)
    assert counts == {**dict.fromkeys(st.ALL, 0), **Counter(ob.status(today) for ob in rows)}


@pytest.mark.parametrize("username", [None, "dudao", "cungan"])
@pytest.mark.parametrize("period", ["2026-11", "2026-10", "2026"])
def test_township_summary_is_the_sum_of_its_villages(client, login, username, period):
    if username:
        login(username)
    summary = client.get(f"/api/v1/townships/{TOWNSHIP}/summary/?period={period}")
    assert summary.status_code == 200, summary.content
    out = summary.json()
    assert out["township"] == TOWNSHIP and set(out["by_status"]) == set(st.ALL)
    township = TownshipPage.objects.get(code=TOWNSHIP)
    codes = list(VillagePage.objects.live().descendant_of(township).order_by("code").values_list("code", flat=True))
    assert [v["code"] for v in out["villages"]] == codes
    total = Counter()
    for village in out["villages"]:
        listed = client.get(f"/api/v1/villages/{village['code']}/obligations/?period={period}").json()["results"]
        mine = Counter(ob["status"] for ob in listed)
        assert {k: v for k, v in village["by_status"].items() if v} == dict(mine), village["code"]
        total += mine
    assert {k: v for k, v in out["by_status"].items() if v} == dict(total)


def test_summary_refuses_unknown_township_and_bad_period(client):
    missing = client.get("/api/v1/townships/999999999/summary/")
    assert missing.status_code == 404 and missing.json()["detail"] == "未找到该乡镇"
    assert client.get(f"/api/v1/townships/{TOWNSHIP}/summary/?period=2026-13").status_code == 422


def test_dashboard_and_supervision_count_overdue_with_the_one_queryset(client, login):
    today = clock.today()
    township = TownshipPage.objects.get(code=TOWNSHIP)
    villages = VillagePage.objects.live().descendant_of(township)
    data = queries.dashboard(villages, today)
    expected = Obligation.objects.filter(village__in=villages).overdue(today)
    assert data["overdue_total"] == expected.count()
    assert [ob.pk for ob in data["overdue"]] == list(expected.order_by("due", "id").values_list("pk", flat=True)[:50])
    assert all(ob.shown_status == st.OVERDUE and ob.township.pk == township.pk for ob in data["overdue"])
    village = villages.order_by("code").first()
    login("dudao")
    page = client.get(f"/records/villages/{village.code}/supervision/").content.decode()
    assert f"共 {Obligation.objects.filter(village=village).overdue(today).count()} 项" in page
