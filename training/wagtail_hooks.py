"""Admin snippets for the training manager, and the 我的待办 items (the hook is collected once merged)."""

from django.urls import reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core import clock

from . import rereads
from .access import is_training_manager, progress_townships
from .models import MaterialRevision, Question, Quiz, SignIn, TrainingSession


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = "题库"
    list_display = ["text", "kind", "course", "review_state"]
    list_filter = ["review_state", "kind", "course"]
    search_fields = ["text"]


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "form"
    menu_label = "测试"
    list_display = ["title", "course", "pass_mark", "attempts_allowed", "grading"]


class SessionViewSet(SnippetViewSet):
    model = TrainingSession
    icon = "group"
    menu_label = "培训班"
    list_display = ["title", "date", "place", "trainer", "code"]


class RevisionViewSet(SnippetViewSet):
    model = MaterialRevision
    icon = "warning"
    menu_label = "实质性修订"
    list_display = ["version", "due_on", "marked_by"]


class TrainingGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuizViewSet, SessionViewSet, RevisionViewSet)
    menu_label = "第一书记培训"
    menu_icon = "doc-full"
    menu_order = 260


register_snippet(TrainingGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def _after_snippet_saved(request, instance):
    if isinstance(instance, MaterialRevision):
        rereads.assign(instance, rereads.assignees(instance.version))
    elif isinstance(instance, Question) and instance.review_state == "stale":
        # Editing a flagged question is the "confirm or edit" step: the manager chose the citations.
        instance.review_state, instance.stale_reason, instance.stale_diff_url = "ok", "", ""
        instance.reviewed_by, instance.reviewed_at = request.user, clock.now()
        instance.save()


@hooks.register("home_page_sections")
def home_section(request, page):
    from .models import CourseIndexPage

    index = CourseIndexPage.objects.live().first()
    if index is None:
        return None
    links = [("培训课程", index.url)]
    if request.user.is_authenticated:
        links += [("我的学习", reverse("training:me")), ("培训班签到", reverse("training:signin"))]
    if is_training_manager(request.user) or progress_townships(request.user).exists():
        links.append(("培训进度", reverse("training:progress")))
    if is_training_manager(request.user):
        links.append(("需复核的试题", reverse("training:review")))
    return {"title": "第一书记培训", "template": "training/home_section.html", "context": {"links": links}}


@hooks.register("todo_items")
def training_todo(user, today=None):
    """我的待办's training section (the hook's contract is in compliance/todo.py): overdue and due
    re-reads, today's sessions to sign in to, and for managers the questions awaiting 复核."""
    today = today or clock.today()
    items = _todo_items(user, today)
    return [{"title": "第一书记培训", "items": items, "more": 0}] if items else []


def _todo_items(user, today):
    items = [{"key": f"reread:{a.pk}", "kind": "reread", "title": f"学习《{a.version.page.title}》{a.version.label}",
              "url": reverse("training:read", args=[a.version_id]), "due": a.due_on,
              "status": "逾期" if a.overdue else "待完成"} for a in rereads.open_assignments(user, today)]
    signed = SignIn.objects.filter(user=user).values("session_id")
    sessions = TrainingSession.objects.filter(date=today, invitations__user=user).exclude(pk__in=signed)
    items += [{"key": f"session:{s.pk}", "kind": "session", "title": f"培训班签到：{s.title}（{s.starts_at:%H:%M}，{s.place}）",
               "url": reverse("training:signin"), "due": s.date, "status": "待完成"} for s in sessions]
    if is_training_manager(user):
        count = Question.objects.filter(review_state="stale").count()
        if count:
            items.append({"key": "stale-questions", "kind": "stale-questions",
                          "title": f"需复核的试题 ({count})：所引条文已修订，请复核", "url": reverse("training:review"),
                          "due": today, "status": "待完成"})
    return items
