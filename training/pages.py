"""Context for the course and lesson pages (called from the page models' get_context)."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse

from .grading import draw_size, final_result
from .models import Quiz
from .staleness import lesson_notice


def _citation_rows(citations):
    return [{"citation": c, "notice": lesson_notice(c)} for c in citations]


def course_context(course, request):
    lessons = list(course.lessons())
    by_lesson = {}
    for c in course.citations():
        by_lesson.setdefault(c.lesson_id, []).append(c)
    quiz = Quiz.objects.filter(course=course).first()
    context = {"lessons": [{"page": lesson, "citations": _citation_rows(by_lesson.get(lesson.pk, []))}
                           for lesson in lessons], "quiz": quiz}
    if quiz is not None:
        context["quiz_questions"] = draw_size(quiz)
        if request.user.is_authenticated:
            context["my_score"], context["my_passed"] = final_result(quiz, request.user)
    return context


def lesson_context(lesson):
    citations = lesson.citations.select_related("regulation", "version").all()
    return {"citations": _citation_rows(citations), "course": lesson.get_parent().specific}


def handout_view(course, request, pdf=False):
    context = {"page": course, "lessons": course_context(course, request)["lessons"], "for_pdf": pdf}
    if not pdf:
        return TemplateResponse(request, "training/course_handout.html", context)
    from policies.versioning.pdf import render_pdf

    html = render_to_string("training/course_handout.html", context, request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{course.slug}-handout.pdf"'
    return response
