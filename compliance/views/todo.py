"""我的待办: one page per signed-in user; the sections come from the ``todo_items`` hook."""

from django.shortcuts import redirect, render

from core import clock

from .. import todo


def my_todo(request):
    if not request.user.is_authenticated:
        return redirect(f"/admin/login/?next={request.path}")
    today = clock.today()
    sections = todo.sections_for(request.user, today)
    return render(request, "compliance/todo.html", {
        "sections": sections, "today": today, "total": todo.count(sections)})
