"""Manager pages (sessions, the code and QR, progress, 需复核 confirmation), certificates, public verify."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse

from core import clock

from .. import certificates, progress, signin, staleness
from ..access import is_training_manager, progress_townships
from ..models import Question, TrainingSession


def _manager(request):
    if not is_training_manager(request.user):
        raise PermissionDenied("只有培训管理员可以管理培训班。")


@login_required
def session_view(request, pk):
    _manager(request)
    session = get_object_or_404(TrainingSession, pk=pk)
    error = ""
    if request.method == "POST" and request.POST.get("action") == "new_code":
        signin.regenerate_code(session)
        messages.success(request, "已换码，旧签到码立即失效。")
        return redirect("training:session", pk=session.pk)
    if request.method == "POST":
        user = get_user_model().objects.filter(pk=request.POST.get("user") or 0).first()
        try:
            if user is None:
                raise signin.SignInError("请选择学员。")
            signin.record_manually(session, user, request.user, request.POST.get("note"))
            messages.success(request, f"已为{user.first_name or user.username}补录签到。")
            return redirect("training:session", pk=session.pk)
        except signin.SignInError as exc:
            error = str(exc)
    rows = signin.attendance(session)
    counts = {}
    for _u, _s, status in rows:
        counts[status] = counts.get(status, 0) + 1
    return TemplateResponse(request, "training/training_session.html", {
        "session": session, "rows": rows, "counts": counts, "error": error, "note": request.POST.get("note", "")},
        status=400 if error else 200)


@login_required
def code_view(request, pk):
    _manager(request)
    session = get_object_or_404(TrainingSession, pk=pk)
    context = {"session": session, "open": session.is_open(), "ended": clock.now() > session.end}
    if context["open"]:
        import segno

        url = request.build_absolute_uri(f"/training/signin/?code={session.code}")
        context["qr"] = segno.make(url, error="m").svg_inline(scale=8)
        context["signin_url"] = url
    return TemplateResponse(request, "training/session_code.html", context)


@login_required
def progress_view(request):
    townships = progress_townships(request.user)
    if not is_training_manager(request.user) and not townships.exists():
        raise PermissionDenied("您无权查看培训进度。")
    code = request.GET.get("township", "")
    if code:
        townships = townships.filter(code=code)
        if not townships.exists():
            raise PermissionDenied("您无权查看该乡镇的培训进度。")
    data = progress.table(townships)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(progress.xlsx(data), content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        response["Content-Disposition"] = 'attachment; filename="training-progress.xlsx"'
        return response
    scope = townships.first().title if townships.count() == 1 else "全县"
    return TemplateResponse(request, "training/progress.html", dict(data, scope=scope, code=code))


@login_required
def review_view(request):
    """需复核: every flagged question with its reason, the diff, edit and 确认无需修改."""
    _manager(request)
    questions = Question.objects.filter(review_state="stale").prefetch_related("citations__regulation",
                                                                                "citations__version")
    return TemplateResponse(request, "training/question_review.html", {"questions": questions})


@login_required
def confirm_view(request, pk):
    _manager(request)
    question = get_object_or_404(Question, pk=pk)
    if request.method != "POST":
        return redirect("training:review")
    try:
        staleness.confirm_question(question, request.user)
        messages.success(request, "已确认：试题改引新版本条文，重新纳入测试。")
    except ValueError as exc:
        messages.error(request, str(exc))
    return redirect("training:review")


@login_required
def certificate_pdf(request, code):
    cert = certificates.verify(code)
    if cert is None or (cert.user_id != request.user.pk and not is_training_manager(request.user)):
        raise Http404("未找到该证书")
    import segno

    from policies.versioning.pdf import render_pdf

    verify_url = request.build_absolute_uri(f"/training/verify/?code={cert.code}")
    html = render_to_string("training/certificate.html", {
        "cert": cert, "qr": segno.make(verify_url, error="m").svg_inline(scale=3), "verify_url": verify_url,
        "for_pdf": True}, request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{cert.code}.pdf"'
    return response


def verify_view(request):
    code = request.GET.get("code", "")
    cert = certificates.verify(code) if code else None
    return TemplateResponse(request, "training/verify.html", {
        "code": code, "cert": cert, "name": certificates.masked_name(cert.user) if cert else ""},
        status=404 if code and cert is None else 200)
