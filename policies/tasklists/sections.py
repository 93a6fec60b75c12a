"""Task lists on the public pages: the "清单" section of the home page."""

from wagtail import hooks

from core import clock

from .models import TaskListIndexPage, TaskListPage
from .reading import task_list_rows


@hooks.register("home_page_sections")
def task_lists_section(request, page):
    rows = task_list_rows(TaskListPage.objects.live(), clock.today())
    if not rows:
        return None
    return {"title": "清单", "template": "policies/task_home_section.html",
            "context": {"lists": rows, "index": TaskListIndexPage.objects.live().first()}}
