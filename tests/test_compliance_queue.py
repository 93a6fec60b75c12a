"""A township reviewer's 待审核 queue: counts, filters, oldest first, pages; others are kept out."""

import datetime

import pytest

from compliance.models import Record
from compliance.views.queue import PAGE_SIZE
from villages.models import TownshipPage, VillagePage

pytestmark = pytest.mark.django_db
TOWNSHIP = "520330101"


def test_queue_lists_oldest_first_with_counts_filters_and_pages(client, login):
    township = TownshipPage.objects.get(code=TOWNSHIP)
    village = VillagePage.objects.live().descendant_of(township).order_by("code").first()
    base = datetime.datetime(2026, 11, 20, 3, 0, tzinfo=datetime.UTC)  # after every demo submission
    for i in range(PAGE_SIZE + 5):
        Record.objects.create(village=village, kind="meeting" if i % 2 else "petition", title=f"待审{i:03d}",
                              occurred_on=datetime.date(2026, 10 + i % 2, 3), state=Record.SUBMITTED,
                              submitted_at=base + datetime.timedelta(hours=i))
    pending = Record.objects.filter(village__in=VillagePage.objects.descendant_of(township),
                                    state=Record.SUBMITTED, is_current=True)
    login("dudao")
    first = client.get(f"/records/townships/{TOWNSHIP}/queue/")
    body = first.content.decode()
    assert first.status_code == 200 and f"共 {pending.count()} 条待审核" in body
    oldest = pending.order_by("submitted_at", "id").first()
    assert oldest.title in body and "待审054" not in body and "下一页" in body  # the newest is on a later page
    last = client.get(f"/records/townships/{TOWNSHIP}/queue/?page=99").content.decode()
    assert "待审054" in last and "上一页" in last
    only = client.get(f"/records/townships/{TOWNSHIP}/queue/?village={village.code}&kind=meeting&period=2026-11")
    expected = pending.filter(village=village, kind="meeting", occurred_on__month=11).count()
    assert f"符合条件 {expected} 条" in only.content.decode() and "待审000" not in only.content.decode()
    bad = client.get(f"/records/townships/{TOWNSHIP}/queue/?period=11月").content.decode()
    assert "月份应形如 2026-11，已忽略该条件。" in bad
    login("cungan")
    assert client.get(f"/records/townships/{TOWNSHIP}/queue/").status_code == 403
    client.logout()
    assert client.get(f"/records/townships/{TOWNSHIP}/queue/").status_code == 404
