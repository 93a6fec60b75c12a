"""Task lists and village rules on the public pages (home, township, village sections)."""

from wagtail import hooks

from core import clock


@hooks.register("home_page_sections")
def task_lists_section(request, page):
    from ..models import TaskListIndexPage, TaskListPage
    from ..models.tasklist import task_list_rows

    rows = task_list_rows(TaskListPage.objects.live(), clock.today())
    if not rows:
        return None
    return {"title": "清单", "template": "policies/task_home_section.html",
            "context": {"lists": rows, "index": TaskListIndexPage.objects.live().first()}}


@hooks.register("village_page_sections")
def village_rule_section(request, page):
    from ..villagerule_status import (
        pending,
        rule_status,
        template_in_force,
        village_and_template_rules,
        village_rule_row,
    )

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
    from ..villagerule_status import DRAFT, FILED, VOTED, township_overview

    on = clock.today()
    rows = township_overview(page, on)
    if not rows:
        return None
    counts = {"filed": sum(r["status"] == FILED for r in rows), "voted": sum(r["status"] == VOTED for r in rows),
              "draft": sum(r["status"] == DRAFT for r in rows), "flagged": sum(bool(r["flags"]) for r in rows)}
    return {"title": "各村村规民约备案情况", "template": "policies/village_rule_township.html",
            "context": {"rows": rows, "on": on, "counts": counts}}
