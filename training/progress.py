"""Progress figures: per trainee, per township, county-wide; the Excel export."""

import io
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Q

from core import clock
from core.roles import FIRST_SECRETARY
from policies.models import RegulationPage
from villages.models import CadreAssignment

from . import grading, rereads
from .access import TRAINEE_ROLES
from .models import Certificate, Quiz, ReadAssignment, ReadReceipt


def course_statuses(courses, user):
    """[(course, status)] with 已通过 / 未通过 / 未开始 for a signed-in user, "" otherwise."""
    rows = []
    quizzes = {q.course_id: q for q in Quiz.objects.filter(course__in=courses)}
    for course in courses:
        status = ""
        quiz = quizzes.get(course.pk)
        if user.is_authenticated and quiz is not None:
            score, passed = grading.final_result(quiz, user)
            status = "未开始" if score is None else ("已通过" if passed else "未通过")
        rows.append({"page": course, "status": status, "quiz": quiz})
    return rows


def trainee(user, today=None):
    today = today or clock.today()
    quizzes = Quiz.objects.select_related("course")
    results = []
    for quiz in quizzes:
        attempts = grading.attempts_of(quiz, user)
        if not attempts:
            continue
        score, passed = grading.final_result(quiz, user, attempts)
        results.append({"quiz": quiz, "attempts": attempts, "score": score, "passed": passed,
                        "left": grading.attempts_left(quiz, user, attempts)})
    certificates = list(Certificate.objects.filter(user=user).select_related("course").order_by("issued_at"))
    hours_year = sum((c.hours for c in certificates if c.issued_at.year == today.year), Decimal("0"))
    receipts = list(ReadReceipt.objects.filter(user=user).select_related("version", "version__page")
                    .order_by("-confirmed_at"))
    open_rereads = rereads.open_assignments(user, today)
    return {"trainee": user, "results": results, "certificates": certificates, "hours_year": hours_year,
            "hours_total": sum((c.hours for c in certificates), Decimal("0")), "receipts": receipts,
            "rereads": open_rereads, "overdue": [r for r in open_rereads if r.overdue]}


def trainees_in(townships):
    """Trainees (第一书记, 村干部) assigned to villages of these townships: {user: village}."""
    scope = Q(pk__in=[])
    for path in townships.values_list("path", flat=True):
        scope |= Q(village__path__startswith=path)
    # 第一书记 are the trainees; a 村干部 counts once they have taken part (an attempt or a receipt).
    takes_part = Q(user__groups__name=FIRST_SECRETARY) | Q(user__groups__name__in=TRAINEE_ROLES) & (
        Q(user__quiz_attempts__isnull=False) | Q(user__read_receipts__isnull=False))
    rows = (CadreAssignment.objects.filter(scope, takes_part, village__isnull=False)
            .select_related("user", "village").order_by("user__username").distinct())
    return {row.user: row.village for row in rows}


def regulation_shares(users):
    """Per regulation with receipts: share of ``users`` who confirmed a version in force now, or any."""
    ids = [u.pk for u in users]
    total = len(ids) or 1
    rows = []
    for page in RegulationPage.objects.live().order_by("title"):
        current = page.current_version()
        if current is None:
            continue
        confirmed = set(ReadReceipt.objects.filter(user_id__in=ids, version=current)
                        .values_list("user_id", flat=True))
        if not confirmed and not ReadAssignment.objects.filter(version__page=page).exists():
            continue
        rows.append({"regulation": page, "version": current, "confirmed": len(confirmed),
                     "share": round(100 * len(confirmed) / total)})
    return rows


def table(townships, today=None):
    """One row per trainee: village, courses passed, 学时, overdue re-reads."""
    today = today or clock.today()
    trainees = trainees_in(townships)
    certs = {}
    for cert in Certificate.objects.filter(user__in=list(trainees)):
        certs.setdefault(cert.user_id, []).append(cert)
    overdue = {}
    done = set(ReadReceipt.objects.filter(user__in=list(trainees)).values_list("user_id", "version_id"))
    for a in ReadAssignment.objects.filter(user__in=list(trainees), due_on__lt=today):
        if (a.user_id, a.version_id) not in done:
            overdue[a.user_id] = overdue.get(a.user_id, 0) + 1
    rows = [{"user": user, "village": village, "passed": len(certs.get(user.pk, [])),
             "hours": sum((c.hours for c in certs.get(user.pk, [])), Decimal("0")),
             "overdue": overdue.get(user.pk, 0)} for user, village in trainees.items()]
    return {"rows": rows, "shares": regulation_shares(list(trainees)),
            "overdue_total": sum(overdue.values())}


def xlsx(data):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "学员进度"
    sheet.append(["账号", "姓名", "村（社区）", "通过课程数", "学时", "逾期未学的修订"])
    for row in data["rows"]:
        sheet.append([row["user"].username, row["user"].first_name, row["village"].title, row["passed"],
                      float(row["hours"]), row["overdue"]])
    shares = book.create_sheet("制度学习确认")
    shares.append(["制度", "现行版本", "已确认人数", "比例（%）"])
    for row in data["shares"]:
        shares.append([row["regulation"].title, row["version"].label, row["confirmed"], row["share"]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def all_trainees():
    return get_user_model().objects.filter(groups__name__in=TRAINEE_ROLES).distinct()
