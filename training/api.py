"""/api/v1/training/…: courses, quizzes (answers checked on the server), the 需复核 questions."""

import base64
import binascii
import json

from django.contrib.auth import authenticate
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from ninja.utils import check_csrf

from core.pagination import CountResultsPagination

from . import grading
from .access import is_training_manager
from .models import CoursePage, Question, Quiz
from .models.bank import STALE

router = Router(tags=["培训"])


class Message(Schema):
    detail: str


def _articles(citations):
    return [{"regulation_id": c.regulation_id, "article": c.article, "version_id": c.version_id, "url": c.url}
            for c in citations]


def _user(request, write=False):
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header.lower().startswith("basic "):
        try:
            username, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return authenticate(request, username=username, password=password)
    if request.user.is_authenticated and not (write and check_csrf(request) is not None):
        return request.user
    return None


class CourseOut(Schema):
    id: int
    title: str
    hours: float
    lessons: int
    url: str


@router.get("/training/courses/", response=list[CourseOut], summary="培训课程")
@paginate(CountResultsPagination)
def courses(request):
    rows = CoursePage.objects.live().order_by("path")
    return [{"id": c.pk, "title": c.title, "hours": float(c.hours), "lessons": c.get_children().live().count(),
             "url": c.url} for c in rows]


@router.get("/training/courses/{course_id}/", response={200: dict, 404: Message}, summary="课程详情")
def course(request, course_id: int):
    page = CoursePage.objects.live().filter(pk=course_id).first()
    if page is None:
        return Status(404, {"detail": "课程不存在"})
    by_lesson = {}
    for c in page.citations():
        by_lesson.setdefault(c.lesson_id, []).append(c)
    quiz = Quiz.objects.filter(course=page).first()
    return Status(200, {
        "id": page.pk, "title": page.title, "hours": float(page.hours), "url": page.url,
        "lessons": [{"id": lesson.pk, "title": lesson.title, "url": lesson.url,
                     "articles": _articles(by_lesson.get(lesson.pk, []))} for lesson in page.lessons()],
        "quiz": {"id": quiz.pk, "questions": grading.draw_size(quiz), "pass_mark": quiz.pass_mark} if quiz else None})


def _question(q):
    return {"id": q.pk, "kind": q.kind, "text": q.text, "options": q.options(),
            "articles": _articles(q.citations.select_related("regulation", "version"))}


@router.get("/training/quizzes/{quiz_id}/", response={200: dict, 401: Message, 404: Message}, summary="测试试题（不含答案）")
def quiz(request, quiz_id: int):
    user = _user(request)
    if user is None:
        return Status(401, {"detail": "请先登录。"})
    quiz = Quiz.objects.filter(pk=quiz_id).select_related("course").first()
    if quiz is None:
        return Status(404, {"detail": "测试不存在"})
    attempt = grading.open_attempt(quiz, user)
    questions = ([row.question for row in attempt.answers.select_related("question")] if attempt
                 else grading.draw_questions(quiz))
    return Status(200, {"id": quiz.pk, "title": quiz.title, "pass_mark": quiz.pass_mark,
                        "time_limit_minutes": quiz.time_limit_minutes,
                        "attempts_left": grading.attempts_left(quiz, user),
                        "questions": [_question(q) for q in questions]})


@router.post("/training/quizzes/{quiz_id}/attempts/", response={201: dict, 400: Message, 401: Message, 404: Message},
             summary="交卷（服务器判分）")
def submit(request, quiz_id: int):
    user = _user(request, write=True)
    if user is None:
        return Status(401, {"detail": "请先登录。"})
    quiz = Quiz.objects.filter(pk=quiz_id).select_related("course").first()
    if quiz is None:
        return Status(404, {"detail": "测试不存在"})
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return Status(400, {"detail": "请求体不是有效的 JSON。"})
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, dict):
        return Status(400, {"detail": "请以 {\"answers\": {\"试题编号\": [\"A\"]}} 的格式提交答案。"})
    try:
        attempt = grading.submit_answers(quiz, user, answers)
    except grading.QuizError as exc:
        return Status(400, {"detail": str(exc)})
    return Status(201, {"score": float(attempt.score), "passed": attempt.passed, "results": [
        {"question_id": row.question_id, "correct": row.correct, "article_url": row.article_url}
        for row in attempt.answers.all()]})


@router.get("/training/questions/", response={200: dict, 403: Message}, summary="题库（培训管理员）")
def questions(request, stale: bool = False):
    user = _user(request)
    if user is None or not is_training_manager(user):
        return Status(403, {"detail": "只有培训管理员可以查看题库。"})
    rows = Question.objects.prefetch_related("citations__regulation", "citations__version")
    if stale:
        rows = rows.filter(review_state=STALE)
    results = [{"id": q.pk, "text": q.text, "review_state": q.review_state, "stale_reason": q.stale_reason,
                "diff_url": q.stale_diff_url, "articles": _articles(q.citations.all())} for q in rows]
    return Status(200, {"count": len(results), "results": results})
