"""The township overview of village rules: one page lists up to a dozen villages, so the number
of SQL queries must not grow with the number of villages (no query per row)."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from policies.models import VillageRuleIndexPage, VillageRulePage, VillageRuleVersion
from policies.villagerules.demo import village_versions
from policies.villagerules.sections import township_rules_section
from villages.models import TownshipPage, VillagePage

pytestmark = pytest.mark.django_db


def give_rules(villages):
    """Each village gets the demo's deterministic rules (filed, pending or draft, 2019 or 2023 based)."""
    index = VillageRuleIndexPage.objects.get()
    template = VillageRulePage.objects.child_of(index).get()
    old, new = sorted(template.versions.all(), key=lambda v: v.effective_from)
    for village in villages:
        page = VillageRulePage(title=f"{village.title}村规民约", slug="cunguiminyue", is_demo=True)
        village.add_child(instance=page)
        versions = village_versions(village, old, new)
        for v in versions:
            v.page = page
        VillageRuleVersion.objects.bulk_create(versions)


def section_queries(rf, township):
    request = rf.get(township.url)
    with CaptureQueriesContext(connection) as ctx:
        section = township_rules_section(request, township)
        html = render_to_string(section["template"], section["context"], request=request)
    return len(ctx), section, html


def test_township_section_queries_do_not_grow_with_villages(rf):
    township = TownshipPage.objects.get(code="520330102")
    villages = list(VillagePage.objects.child_of(township).order_by("code"))
    assert len(villages) >= 6
    assert not VillageRulePage.objects.descendant_of(township).exists()

    give_rules(villages[:1])
    few, section, _html = section_queries(rf, township)
    give_rules(villages[1:])
    many, section, html = section_queries(rf, township)

    assert many == few, f"{len(villages)} 个村用了 {many} 次查询，1 个村用了 {few} 次"
    assert many <= 12
    rows = section["context"]["rows"]
    assert len(rows) == len(villages) and all(r["page"] is not None for r in rows)
    assert html.count('<tr') == len(villages) + 1


def test_township_page_query_budget(client, django_assert_max_num_queries):
    """The whole 土城镇 page (10 villages with rules, all sections) stays within a fixed budget."""
    township = TownshipPage.objects.get(code="520330101")
    client.get(township.url)  # warm the site-root cache as any running server has it
    with django_assert_max_num_queries(30):
        response = client.get(township.url)
    assert response.status_code == 200
    assert "各村村规民约备案情况" in response.content.decode()
