"""Statuses computed from dates — never typed by hand.

A version is in force from ``effective_from`` until the day before the next version's
``effective_from``, or until its own ``effective_to``/the regulation's repeal, whichever is first."""

import datetime
from dataclasses import dataclass

NOT_YET = "尚未生效"
IN_FORCE = "现行有效"
TRIAL = "试行"
AMENDED = "已修订"
REPEALED = "已废止"

ALL_STATUSES = [NOT_YET, IN_FORCE, TRIAL, AMENDED, REPEALED]
BADGE_CLASS = {NOT_YET: "info", IN_FORCE: "ok", TRIAL: "warn", AMENDED: "muted", REPEALED: "bad"}


@dataclass(frozen=True)
class Window:
    """The days a version is in force: ``start`` inclusive, ``end`` inclusive or None (open)."""

    start: datetime.date
    end: datetime.date | None

    def contains(self, day):
        return self.start <= day and (self.end is None or day <= self.end)


def windows(versions, repealed_on=None):
    """``versions``: objects with ``effective_from``, ``effective_to`` (may be None). Returns
    ``[(version, Window)]`` ordered by ``effective_from``. A list, not a dict: unsaved versions
    (a draft being previewed) have no primary key and cannot be hashed."""
    ordered = sorted(versions, key=lambda v: v.effective_from)
    result = []
    for index, version in enumerate(ordered):
        ends = []
        if index + 1 < len(ordered):
            ends.append(ordered[index + 1].effective_from - datetime.timedelta(days=1))
        if version.effective_to:
            ends.append(version.effective_to)
        if repealed_on:
            ends.append(repealed_on - datetime.timedelta(days=1))
        result.append((version, Window(version.effective_from, min(ends) if ends else None)))
    return result


def window_of(version, versions, repealed_on=None):
    for candidate, window in windows(versions, repealed_on):
        if candidate is version:
            return window
    raise ValueError("version is not among versions")


def version_in_force(versions, on, repealed_on=None):
    for version, window in windows(versions, repealed_on):
        if window.contains(on):
            return version
    return None


def version_status(version, versions, on, repealed_on=None):
    ordered = sorted(versions, key=lambda v: v.effective_from)
    window = window_of(version, ordered, repealed_on)
    if on < window.start:
        return NOT_YET
    if window.contains(on):
        if version.is_trial and (version.trial_until is None or on <= version.trial_until):
            return TRIAL
        return IN_FORCE
    later = [v for v in ordered if v.effective_from > version.effective_from and v.effective_from <= on]
    if later and not (repealed_on and repealed_on <= later[0].effective_from):
        return AMENDED
    return REPEALED


def document_status(versions, on, repealed_on=None):
    """The status of a whole document on a day: that of the version in force, else 尚未生效 (all
    versions in the future) or 已废止."""
    versions = list(versions)
    if not versions:
        return NOT_YET
    current = version_in_force(versions, on, repealed_on)
    if current is not None:
        return version_status(current, versions, on, repealed_on)
    if all(v.effective_from > on for v in versions):
        return NOT_YET
    return REPEALED


def validate_no_overlap(versions):
    """Versions never overlap: distinct start dates, and an explicit ``effective_to`` may not
    reach past the next version's start. Returns a list of Chinese error messages."""
    errors = []
    ordered = sorted(versions, key=lambda v: v.effective_from)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.effective_from == b.effective_from:
            errors.append(f"“{a.label}”与“{b.label}”的生效日期相同（{a.effective_from}），版本不能重叠。")
        elif a.effective_to and a.effective_to >= b.effective_from:
            errors.append(f"“{a.label}”的失效日期晚于“{b.label}”的生效日期，版本不能重叠。")
    for v in ordered:
        if v.effective_to and v.effective_to < v.effective_from:
            errors.append(f"“{v.label}”的失效日期早于生效日期。")
        if v.is_trial and v.trial_until and v.trial_until < v.effective_from:
            errors.append(f"“{v.label}”的试行截止日期早于生效日期。")
    return errors
