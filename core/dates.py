"""Dates as the site reads and writes them: ISO days from URLs and forms, Chinese dates for people."""

import datetime


def parse_day(value):
    """``YYYY-MM-DD`` (a date, or text whose first ten characters are one) → date; anything else →
    None, so the caller decides between a default and a Chinese error message."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value or "").strip()[:10])
    except ValueError:
        return None


def cn_date(value):
    """2025年1月1日 — the way every Chinese official document writes a date ('' for no date)."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return f"{value.year}年{value.month}月{value.day}日"
