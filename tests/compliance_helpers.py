"""Shared builders for the compliance tests: a task list with two versions made directly."""

import datetime

from policies.models import TaskItem, TaskListIndexPage, TaskListPage, TaskListVersion


def make_tasklist(code="TCMP", versions=None):
    """``versions``: [(effective_from, [(item code, name, frequency, deadline_day), …]), …]."""
    from cms.models import HomePage

    home = HomePage.objects.first()
    index = TaskListIndexPage.objects.first() or home.add_child(instance=TaskListIndexPage(title="清单库", slug="tl"))
    page = index.add_child(instance=TaskListPage(title=f"测试清单{code}", slug=f"test-{code.lower()}",
                                                 list_code=code.lower()))
    for n, (start, items) in enumerate(versions or []):
        version = TaskListVersion.objects.create(page=page, label=f"第{n + 1}版", effective_from=start, sort_order=n)
        for i, (item_code, name, frequency, day) in enumerate(items):
            TaskItem.objects.create(version=version, code=item_code, name=name, responsible="村党组织",
                                    frequency=frequency, deadline_day=day, sort_order=i,
                                    disclosure="在公开栏公开" if "公开" in name else "")
    return page


D = datetime.date
