"""Trainee pages: take a quiz, see the result, sign in with the code, confirm reading, my progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from policies.models import RegulationVersion

from .. import grading, progress, rereads, signin
from ..models import Quiz, QuizAttempt, ReadReceipt


@login_required
def quiz_view(request, pk):
    quiz = get_object_or_404(Quiz.objects.select_related("course"), pk=pk)
    error = ""
    if request.method == "POST":
        try:
            attempt = grading.start_attempt(quiz, request.user)
            return redirect("training:attempt", pk=attempt.pk)
        except grading.QuizError as exc:
            error = str(exc)
    attempts = grading.attempts_of(quiz, request.user)
    score, passed = grading.final_result(quiz, request.user, attempts)
    return TemplateResponse(request, "training/quiz.html", {
        "quiz": quiz, "attempts": attempts, "score": score, "passed": passed, "error": error,
        "left": grading.attempts_left(quiz, request.user, attempts), "size": grading.draw_size(quiz)},
        status=400 if error else 200)


def _own_attempt(request, pk):
    attempt = get_object_or_404(QuizAttempt.objects.select_related("quiz", "quiz__course"), pk=pk)
    if attempt.user_id != request.user.pk:
        raise Http404("未找到该答卷")
    return attempt


@login_required
def attempt_view(request, pk):
    attempt = _own_attempt(request, pk)
    if grading.open_attempt(attempt.quiz, request.user) is None or attempt.state != "in_progress":
        return redirect("training:result", pk=attempt.pk)
    rows = list(attempt.answers.select_related("question"))
    error = ""
    if request.method == "POST":
        answers = {str(r.question_id): request.POST.getlist(f"q{r.question_id}") for r in rows}
        try:
            grading.grade_attempt(attempt, answers)
            return redirect("training:result", pk=attempt.pk)
        except grading.QuizError as exc:
            error = str(exc)
        for r in rows:  # what the trainee ticked is shown again, never lost
            r.chosen = "".join(answers[str(r.question_id)])
    return TemplateResponse(request, "training/quiz_attempt.html", {"attempt": attempt, "rows": rows,
                                                                    "error": error}, status=400 if error else 200)


@login_required
def result_view(request, pk):
    attempt = _own_attempt(request, pk)
    if attempt.state == "in_progress":
        return redirect("training:attempt", pk=attempt.pk)
    rows = list(attempt.answers.select_related("question"))
    return TemplateResponse(request, "training/quiz_result.html", {"attempt": attempt, "rows": rows})


@login_required
def signin_view(request):
    code = request.POST.get("code") if request.method == "POST" else request.GET.get("code", "")
    context = {"code": code or "", "error": "", "signin": None,
               "via": request.POST.get("via") or ("qr" if request.GET.get("code") else "")}
    if request.method == "POST":
        try:
            method = "qr" if request.POST.get("via") == "qr" else "code"  # the QR link pre-fills the form
            context["signin"] = signin.sign_in(request.user, code, method=method)
            context["status"] = signin.attendance_status(context["signin"].session, context["signin"])
        except signin.SignInError as exc:
            context["error"] = str(exc)
    return TemplateResponse(request, "training/sign_in.html", context, status=400 if context["error"] else 200)


@login_required
def read_view(request, pk):
    version = get_object_or_404(RegulationVersion.objects.select_related("page"), pk=pk)
    if not version.page.live:
        raise Http404("未找到该制度")
    if request.method == "POST":
        rereads.confirm(request.user, version)
        messages.success(request, f"已确认学习《{version.page.title}》{version.label}。")
        return redirect("training:read", pk=version.pk)
    receipt = ReadReceipt.objects.filter(user=request.user, version=version).first()
    return TemplateResponse(request, "training/read_receipt.html", {
        "version": version, "regulation": version.page, "articles": version.articles(), "receipt": receipt})


@login_required
def me_view(request):
    return TemplateResponse(request, "training/me.html", progress.trainee(request.user))
