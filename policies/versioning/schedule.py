"""How often a duty recurs, as data: periods with stable keys and due dates.

Period keys: ``2026-W47`` (ISO week), ``2026-11`` (month), ``2026-Q4``, ``2026-H2``, ``2026``.
A deadline is "day N of the period" (每月5日前 → N=5; 每周一 → N=1); without one the duty is due on
the last day of its period. Days beyond the period's length fall on its last day (每月31日 in
February is 28/29 February)."""

import calendar
import datetime
import re
from dataclasses import dataclass

WEEKLY, MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY = "weekly", "monthly", "quarterly", "half_yearly", "yearly"
ON_DEMAND, FIXED = "on_demand", "fixed"

FREQUENCY_CHOICES = [
    (WEEKLY, "每周"), (MONTHLY, "每月"), (QUARTERLY, "每季度"), (HALF_YEARLY, "每半年"), (YEARLY, "每年"),
    (ON_DEMAND, "按需（事项发生时）"), (FIXED, "限期"),
]
FREQUENCY_LABELS = dict(FREQUENCY_CHOICES)
RECURRING = [WEEKLY, MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY]


@dataclass(frozen=True, order=True)
class Period:
    start: datetime.date
    end: datetime.date
    frequency: str
    key: str

    def contains(self, day):
        return self.start <= day <= self.end

    def due(self, day_of_period=None):
        """The due date: the N-th day of the period (clamped to its end), else its last day."""
        if not day_of_period:
            return self.end
        return min(self.start + datetime.timedelta(days=day_of_period - 1), self.end)

    def next(self):
        return period_containing(self.frequency, self.end + datetime.timedelta(days=1))

    def previous(self):
        return period_containing(self.frequency, self.start - datetime.timedelta(days=1))

    @property
    def label(self):
        return period_label(self.key)


def _month_end(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def period_containing(frequency, day):
    if frequency == WEEKLY:
        iso_year, iso_week, weekday = day.isocalendar()
        start = day - datetime.timedelta(days=weekday - 1)
        return Period(start, start + datetime.timedelta(days=6), WEEKLY, f"{iso_year}-W{iso_week:02d}")
    if frequency == MONTHLY:
        return Period(day.replace(day=1), _month_end(day.year, day.month), MONTHLY, f"{day.year}-{day.month:02d}")
    if frequency == QUARTERLY:
        q = (day.month - 1) // 3 + 1
        return Period(datetime.date(day.year, 3 * q - 2, 1), _month_end(day.year, 3 * q), QUARTERLY,
                      f"{day.year}-Q{q}")
    if frequency == HALF_YEARLY:
        h = 1 if day.month <= 6 else 2
        return Period(datetime.date(day.year, 1 if h == 1 else 7, 1), _month_end(day.year, 6 if h == 1 else 12),
                      HALF_YEARLY, f"{day.year}-H{h}")
    if frequency == YEARLY:
        return Period(datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31), YEARLY, str(day.year))
    raise ValueError(f"“{FREQUENCY_LABELS.get(frequency, frequency)}”不是周期性频次")


KEY_PATTERNS = [
    (re.compile(r"^(\d{4})-W(\d{2})$"), WEEKLY),
    (re.compile(r"^(\d{4})-(\d{2})$"), MONTHLY),
    (re.compile(r"^(\d{4})-Q([1-4])$"), QUARTERLY),
    (re.compile(r"^(\d{4})-H([12])$"), HALF_YEARLY),
    (re.compile(r"^(\d{4})$"), YEARLY),
]


def parse_period(key):
    """``"2026-W53"`` → Period. Raises ValueError with a Chinese message on a bad key."""
    key = (key or "").strip()
    for pattern, frequency in KEY_PATTERNS:
        m = pattern.match(key)
        if not m:
            continue
        year = int(m.group(1))
        try:
            if frequency == WEEKLY:
                return period_containing(WEEKLY, datetime.date.fromisocalendar(year, int(m.group(2)), 1))
            if frequency == MONTHLY:
                return period_containing(MONTHLY, datetime.date(year, int(m.group(2)), 1))
            if frequency == QUARTERLY:
                return period_containing(QUARTERLY, datetime.date(year, 3 * int(m.group(2)) - 2, 1))
            if frequency == HALF_YEARLY:
                return period_containing(HALF_YEARLY, datetime.date(year, 1 if m.group(2) == "1" else 7, 1))
            return period_containing(YEARLY, datetime.date(year, 1, 1))
        except ValueError:
            break
    raise ValueError(f"无法识别的期间“{key[:20]}”，应形如 2026-W47、2026-11、2026-Q4、2026-H2 或 2026。")


def periods_between(frequency, start, end):
    """Every period of ``frequency`` that overlaps ``[start, end]``, in order."""
    if frequency not in RECURRING or end < start:
        return []
    periods = []
    period = period_containing(frequency, start)
    while period.start <= end:
        periods.append(period)
        period = period.next()
    return periods


def period_label(key):
    period = parse_period(key)
    year = key[:4]
    if period.frequency == WEEKLY:
        return f"{year}年第{int(key[6:])}周"
    if period.frequency == MONTHLY:
        return f"{year}年{int(key[5:])}月"
    if period.frequency == QUARTERLY:
        return f"{year}年第{'一二三四'[int(key[6]) - 1]}季度"
    if period.frequency == HALF_YEARLY:
        return f"{year}年{'上' if key[6] == '1' else '下'}半年"
    return f"{year}年"


def deadline_text(frequency, day_of_period):
    """Human text of a deadline rule: 每月5日前, 每周一, 每季度末."""
    if frequency == WEEKLY:
        return f"每周{'一二三四五六日'[day_of_period - 1]}" if day_of_period else "每周末"
    if frequency == MONTHLY:
        return f"每月{day_of_period}日前" if day_of_period else "每月末"
    if frequency == QUARTERLY:
        return f"每季度第{day_of_period}日前" if day_of_period else "每季度末"
    if frequency == HALF_YEARLY:
        return f"每半年第{day_of_period}日前" if day_of_period else "每半年末"
    if frequency == YEARLY:
        return f"每年第{day_of_period}日前" if day_of_period else "每年末"
    if frequency == ON_DEMAND:
        return f"事项发生后{day_of_period}日内" if day_of_period else "事项发生时"
    return f"{day_of_period}日内" if day_of_period else "限期完成"
