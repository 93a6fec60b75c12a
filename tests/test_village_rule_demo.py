"""Village rules under revision: the previous filed rules stay in force until the new ones are filed,
and every demo village has rules in force (issue #9, item 8)."""

import datetime
from types import SimpleNamespace

import pytest

from core import clock
from policies.models import VillageRulePage, VillageRuleVersion
from policies.villagerules import adoption
from policies.villagerules.demo import village_versions
from policies.villagerules.reading import visible_version
from villages.demo import village_specs
from villages.models import VillagePage

D = datetime.date


def test_every_demo_village_has_rules_in_force_some_under_revision():
    old = VillageRuleVersion(label="2019年示范文本", effective_from=D(2019, 6, 1))
    new = VillageRuleVersion(label="2023年修订示范文本", effective_from=D(2023, 5, 1))
    today = clock.today()
    revising, codes = 0, []
    for _t, code, _name, _kind in village_specs():
        village = SimpleNamespace(code=code, population=2000)
        versions = village_versions(village, old, new)
        current = adoption.in_force(versions, today)
        assert current is not None, code
        assert adoption.rule_status(versions, today) == (adoption.FILED, current)
        for v in versions:
            v.page = None
            assert adoption.validate_adoption(v) == [], (code, v.label)
        if adoption.pending(versions, today) is not None:
            revising += 1
        codes.append(code)
    assert len(codes) == 254
    assert 0 < revising < len(codes)


def _adopted(label, voted=None, filed=None):
    return VillageRuleVersion(
        label=label, consultation_from=D(2019, 1, 1), consultation_to=D(2019, 1, 20), drafted_on=D(2019, 2, 1),
        township_reviewed_on=D(2019, 3, 1), vote_meeting="村民代表会议" if voted else "", voted_on=voted,
        attendance_expected=36 if voted else None, attendance_actual=30 if voted else None,
        votes_for=28 if voted else None, filed_on=filed, effective_from=filed, filing_number="备1" if filed else "")


def test_a_revision_in_progress_leaves_the_filed_rules_in_force():
    filed = _adopted("2020年版", voted=D(2020, 3, 1), filed=D(2020, 3, 10))
    draft = _adopted("2026年修订草案")
    draft.drafted_on, draft.township_reviewed_on = D(2026, 10, 1), D(2026, 11, 1)
    on = D(2026, 11, 20)
    for revision in (draft, _adopted("2026年修订版", voted=D(2026, 11, 10))):
        versions = [filed, revision]
        assert adoption.in_force(versions, on) is filed
        assert adoption.rule_status(versions, on) == (adoption.FILED, filed)
        assert adoption.version_rule_status(filed, versions, on) == adoption.FILED  # not 已修订 yet
        assert adoption.pending(versions, on) is revision
        assert visible_version(versions, on, None, editor=False) is filed
    # Once the revision is filed it takes over, and the earlier text becomes 已修订.
    revised = _adopted("2026年修订版", voted=D(2026, 11, 10), filed=D(2026, 11, 15))
    assert adoption.in_force([filed, revised], on) is revised
    assert adoption.version_rule_status(filed, [filed, revised], on) == adoption.SUPERSEDED


@pytest.mark.django_db
def test_demo_village_revising_its_rules_shows_the_filed_ones(client):
    village = VillagePage.objects.get(code="520330101203")  # revising: its draft is not yet voted on
    rule = VillageRulePage.objects.child_of(village).get()
    assert rule.rule_status()[0] == adoption.FILED
    data = client.get(f"/api/v1/villages/{village.code}/rules/").json()
    assert data["status"] == "已备案生效" and data["version"]["label"] == "2020年版" and data["articles"]
    html = client.get(village.url).content.decode()
    assert "badge-已备案生效" in html and "尚在草案阶段" in html
