"""Village rules on the public pages: the village's own rules, and each township's overview."""

from wagtail import hooks

from core import clock

from .adoption import DRAFT, FILED, VOTED
from .overview import template_in_force, township_overview, village_and_template_rules, village_rule_row
from .reading import pending, rule_status


@hooks.register("village_page_sections")
def village_rule_section(request, page):
    # The village's and the template's versions are fetched once (one query) and every status below
    # is computed from those lists: no re-query per helper, no cache that could go stale.
    rule, versions, template_versions, max_age = village_and_template_rules(page)
    if rule is None:
        return {"title": "村规民约", "template": "policies/village_rule_section.html", "context": {"rule": None}}
    on = clock.today()
    status, version = rule_status(versions, on, rule.repealed_on)
    row = village_rule_row(page, rule, on, template_in_force(template_versions, on), max_age, versions=versions)
    return {"title": "村规民约", "template": "policies/village_rule_section.html",
            "context": {"rule": rule, "status": status, "version": version, "pending": pending(versions, on),
                        "articles": version.articles() if version else [], "notes": row["flags"]}}


@hooks.register("township_page_sections")
def township_rules_section(request, page):
    on = clock.today()
    rows = township_overview(page, on)
    if not rows:
        return None
    counts = {"filed": sum(r["status"] == FILED for r in rows), "voted": sum(r["status"] == VOTED for r in rows),
              "draft": sum(r["status"] == DRAFT for r in rows), "flagged": sum(bool(r["flags"]) for r in rows)}
    return {"title": "各村村规民约备案情况", "template": "policies/village_rule_township.html",
            "context": {"rows": rows, "on": on, "counts": counts}}
