"""Status from dates at every boundary: day before / on / after an effective date, trial end, repeal."""

import datetime
from dataclasses import dataclass

from policies.versioning import status as s

D = datetime.date


@dataclass
class V:
    label: str
    effective_from: datetime.date
    effective_to: datetime.date | None = None
    is_trial: bool = False
    trial_until: datetime.date | None = None


def test_version_boundaries_around_amendment():
    trial = V("试行", D(2021, 7, 1), is_trial=True, trial_until=D(2022, 12, 31))
    final = V("正式", D(2023, 3, 1))
    vs = [trial, final]
    assert s.version_in_force(vs, D(2021, 6, 30)) is None
    assert s.document_status(vs, D(2021, 6, 30)) == s.NOT_YET
    assert s.version_in_force(vs, D(2021, 7, 1)) is trial
    assert s.version_status(trial, vs, D(2021, 7, 1)) == s.TRIAL
    assert s.version_status(trial, vs, D(2022, 12, 31)) == s.TRIAL
    # trial period over but not yet replaced: still in force, no longer 试行
    assert s.version_status(trial, vs, D(2023, 1, 1)) == s.IN_FORCE
    assert s.version_in_force(vs, D(2023, 2, 28)) is trial
    assert s.version_in_force(vs, D(2023, 3, 1)) is final
    assert s.version_status(trial, vs, D(2023, 3, 1)) == s.AMENDED
    assert s.version_status(final, vs, D(2023, 2, 28)) == s.NOT_YET
    assert s.version_status(final, vs, D(2023, 3, 2)) == s.IN_FORCE


def test_repeal_boundaries():
    v = V("2021年版", D(2021, 9, 1))
    repeal = D(2024, 7, 1)
    assert s.version_in_force([v], D(2024, 6, 30), repeal) is v
    assert s.document_status([v], D(2024, 6, 30), repeal) == s.IN_FORCE
    assert s.version_in_force([v], repeal, repeal) is None
    assert s.document_status([v], repeal, repeal) == s.REPEALED
    assert s.document_status([v], D(2025, 1, 1), repeal) == s.REPEALED


def test_explicit_end_date():
    v = V("临时", D(2024, 1, 1), effective_to=D(2024, 12, 31))
    assert s.version_in_force([v], D(2024, 12, 31)) is v
    assert s.version_in_force([v], D(2025, 1, 1)) is None
    assert s.document_status([v], D(2025, 1, 1)) == s.REPEALED


def test_overlap_is_reported_in_chinese():
    a = V("甲", D(2024, 1, 1), effective_to=D(2024, 6, 30))
    b = V("乙", D(2024, 3, 1))
    errors = s.validate_no_overlap([a, b])
    assert errors and "不能重叠" in errors[0]
