"""Period arithmetic: keys, ISO week 53, quarter/half/year ends, month-end deadlines, bad keys."""

import datetime

import pytest

from policies.versioning import schedule
from policies.versioning.schedule import (
    HALF_YEARLY,
    MONTHLY,
    QUARTERLY,
    WEEKLY,
    YEARLY,
    deadline_text,
    parse_period,
    period_containing,
    period_label,
    periods_between,
)

D = datetime.date


@pytest.mark.parametrize("key,start,end,frequency", [
    ("2026-W47", D(2026, 11, 16), D(2026, 11, 22), WEEKLY),
    ("2026-11", D(2026, 11, 1), D(2026, 11, 30), MONTHLY),
    ("2026-Q4", D(2026, 10, 1), D(2026, 12, 31), QUARTERLY),
    ("2026-H2", D(2026, 7, 1), D(2026, 12, 31), HALF_YEARLY),
    ("2026", D(2026, 1, 1), D(2026, 12, 31), YEARLY),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), MONTHLY),
    ("2026-Q1", D(2026, 1, 1), D(2026, 3, 31), QUARTERLY),
    ("2026-H1", D(2026, 1, 1), D(2026, 6, 30), HALF_YEARLY),
])
def test_keys_round_trip(key, start, end, frequency):
    period = parse_period(key)
    assert (period.start, period.end, period.frequency, period.key) == (start, end, frequency, key)
    assert period_containing(frequency, start) == period == period_containing(frequency, end)


def test_iso_week_53():
    # 2026 starts on a Thursday, so it has 53 ISO weeks; 1 January 2027 still belongs to 2026-W53.
    w53 = parse_period("2026-W53")
    assert (w53.start, w53.end) == (D(2026, 12, 28), D(2027, 1, 3))
    assert period_containing(WEEKLY, D(2027, 1, 1)).key == "2026-W53"
    assert w53.next().key == "2027-W01"
    assert parse_period("2020-W53").start == D(2020, 12, 28)
    # The first ISO week of 2026 starts in 2025.
    assert parse_period("2026-W01").start == D(2025, 12, 29)
    assert period_containing(WEEKLY, D(2025, 12, 31)).key == "2026-W01"
    for key in ("2021-W53", "2027-W53"):
        with pytest.raises(ValueError, match="无法识别"):
            parse_period(key)


def test_month_end_deadlines_clamp_to_period_end():
    assert parse_period("2026-02").due(31) == D(2026, 2, 28)
    assert parse_period("2024-02").due(31) == D(2024, 2, 29)   # leap year
    assert parse_period("2100-02").due(29) == D(2100, 2, 28)   # century, not a leap year
    assert parse_period("2000-02").due(30) == D(2000, 2, 29)   # divisible by 400: leap
    assert parse_period("2026-04").due(31) == D(2026, 4, 30)
    assert parse_period("2026-11").due(5) == D(2026, 11, 5)
    assert parse_period("2026-11").due() == D(2026, 11, 30)
    assert parse_period("2026-W47").due(1) == D(2026, 11, 16)  # 每周一


def test_quarter_half_and_year_ends_and_neighbours():
    assert parse_period("2026-Q4").next().key == "2027-Q1"
    assert parse_period("2026-Q1").previous().key == "2025-Q4"
    assert parse_period("2026-H2").next().key == "2027-H1"
    assert parse_period("2026-01").previous().key == "2025-12"
    assert parse_period("2026").next().key == "2027"
    assert parse_period("2026-Q1").due(91) == D(2026, 3, 31)
    assert parse_period("2024-Q1").due(91) == D(2024, 3, 31)   # 91 days in a leap Q1
    assert parse_period("2024").due(366) == D(2024, 12, 31)
    assert parse_period("2026").due(400) == D(2026, 12, 31)
    assert period_containing(QUARTERLY, D(2026, 9, 30)).key == "2026-Q3"
    assert period_containing(QUARTERLY, D(2026, 10, 1)).key == "2026-Q4"


def test_periods_between():
    keys = [p.key for p in periods_between(MONTHLY, D(2026, 1, 15), D(2026, 3, 1))]
    assert keys == ["2026-01", "2026-02", "2026-03"]
    assert [p.key for p in periods_between(QUARTERLY, D(2025, 12, 31), D(2026, 1, 1))] == ["2025-Q4", "2026-Q1"]
    assert len(periods_between(WEEKLY, D(2026, 1, 1), D(2026, 12, 31))) == 53
    assert periods_between(MONTHLY, D(2026, 3, 1), D(2026, 1, 1)) == []
    assert periods_between(schedule.ON_DEMAND, D(2026, 1, 1), D(2026, 12, 31)) == []


@pytest.mark.parametrize("key", ["", "abc", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-H3",
                                 "2026-W54", "2026-W00", "26-11", "2026/11", "2026-1"])
def test_bad_keys_raise_chinese_message(key):
    with pytest.raises(ValueError) as err:
        parse_period(key)
    assert "无法识别的期间" in str(err.value) and "2026-W47" in str(err.value)


def test_non_recurring_frequency_has_no_period():
    with pytest.raises(ValueError, match="不是周期性频次"):
        period_containing(schedule.ON_DEMAND, D(2026, 1, 1))


def test_labels_and_deadline_text():
    assert period_label("2026-W47") == "2026年第47周"
    assert period_label("2026-11") == "2026年11月"
    assert period_label("2026-Q4") == "2026年第四季度"
    assert period_label("2026-H2") == "2026年下半年"
    assert period_label("2026") == "2026年"
    assert deadline_text(MONTHLY, 5) == "每月5日前"
    assert deadline_text(WEEKLY, 1) == "每周一"
    assert deadline_text(QUARTERLY, None) == "每季度末"
