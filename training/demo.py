"""Loads the training demo from demo_data.py. Idempotent: everything is looked up by slug,
username or demo_key first."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.models import GroupPagePermission

from core.roles import FIRST_SECRETARY, TRAINING_MANAGER
from policies.models import RegulationPage, RegulationVersion
from villages.models import CadreAssignment, VillagePage

from . import demo_data as data
from . import demo_people, rereads, signin, staleness
from .grading import grade_attempt, start_attempt
from .models import (
    CourseIndexPage,
    CoursePage,
    LessonCitation,
    LessonPage,
    Question,
    QuestionCitation,
    Quiz,
    QuizAttempt,
    SignIn,
    TrainingSession,
)
from .models.quizzes import RANDOM


def _moment(text):
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def ensure_index(home):
    index = CourseIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=CourseIndexPage(
            title="第一书记培训", slug="peixun",
            intro="<p>示例：依据本库制度编写的培训课程，每一课引用制度条文的具体版本。</p>"))
        index.save_revision().publish()
    group, _ = Group.objects.get_or_create(name=TRAINING_MANAGER)
    for codename in ("add_page", "change_page", "publish_page"):
        perm = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=perm)
    return index


def ensure_people():
    User = get_user_model()
    username, name, unit = demo_people.TRAINING_MANAGER
    manager, made = User.objects.get_or_create(username=username, defaults={"first_name": name,
                                                                              "last_name": unit + "（示例）"})
    if made:
        manager.set_password(data.DEMO_PASSWORD)
        manager.save()
    manager.groups.add(Group.objects.get(name=TRAINING_MANAGER))
    secretaries = Group.objects.get(name=FIRST_SECRETARY)
    villages = {v.code: v for v in VillagePage.objects.all()}
    for username, name, unit, code in demo_people.LEGAL_SECRETARIES + demo_people.OTHER_SECRETARIES:
        user, made = User.objects.get_or_create(username=username, defaults={
            "first_name": name, "last_name": unit + "（示例）"})
        if made:
            user.set_password(data.DEMO_PASSWORD)
            user.save()
        user.groups.add(secretaries)
        if code in villages:
            CadreAssignment.objects.get_or_create(user=user, village=villages[code], defaults={"role": FIRST_SECRETARY})
    return manager


def _first_versions():
    pages = {p.slug: p for p in RegulationPage.objects.all()}
    return pages, {slug: page.versions_in_order()[0] for slug, page in pages.items() if page.versions_in_order()}


def ensure_courses(index, pages, first):
    courses = {}
    for spec in data.COURSES:
        course = CoursePage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if course is None:
            course = index.add_child(instance=CoursePage(title=spec["title"], slug=spec["slug"],
                                                         intro=spec["intro"], hours=Decimal(spec["hours"]),
                                                         is_demo=True))
            course.save_revision().publish()
            for n, lesson in enumerate(spec["lessons"], 1):
                page = LessonPage(title=lesson["title"], slug=f"lesson-{n}", body=f"<p>{lesson['body']}</p>",
                                  citations=[LessonCitation(regulation=pages[slug], version=first[slug], article=a)
                                             for slug, a in lesson["articles"]])
                course.add_child(instance=page)
                page.save_revision().publish()
        courses[spec["slug"]] = course
    return courses


def ensure_questions(courses, pages, first):
    questions = {}
    for spec in data.QUESTIONS:
        question = Question.objects.filter(demo_key=spec["key"]).first()
        if question is None:
            options = list(spec["options"]) + [""] * (4 - len(spec["options"]))
            question = Question(
                demo_key=spec["key"], course=courses[spec["course"]], kind=spec["kind"], text=spec["text"],
                option_a=options[0], option_b=options[1], option_c=options[2], option_d=options[3],
                answer=spec["answer"], explanation=spec["explanation"],
                citations=[QuestionCitation(regulation=pages[slug], version=first[slug], article=a)
                           for slug, a in spec["cites"]])
            question.save()
        questions[spec["key"]] = question
    return questions


def ensure_quizzes(courses, questions):
    quizzes = {}
    for spec in data.COURSES:
        q = spec["quiz"]
        course = courses[spec["slug"]]
        quiz = Quiz.objects.filter(course=course).first()
        if quiz is None:
            random_mode = isinstance(q["questions"], dict)
            quiz = Quiz.objects.create(
                course=course, title=q["title"], mode=RANDOM if random_mode else "fixed",
                per_article=q["questions"]["per_article"] if random_mode else 1, pass_mark=q["pass_mark"],
                attempts_allowed=q["attempts_allowed"], time_limit_minutes=q["time_limit_minutes"],
                grading=q["grading"])
            if q["questions"] == "all":
                quiz.questions.set([v for v in questions.values() if v.course_id == course.pk])
            elif not random_mode:
                quiz.questions.set([questions[k] for k in q["questions"]])
        quizzes[spec["slug"]] = quiz
    return quizzes


def ensure_session(manager, courses, users):
    spec = demo_people.SESSION
    session = TrainingSession.objects.filter(title=spec["title"]).first()
    if session is None:
        session = TrainingSession.objects.create(
            title=spec["title"], date=datetime.date.fromisoformat(spec["date"]),
            starts_at=datetime.time.fromisoformat(spec["starts"]), ends_at=datetime.time.fromisoformat(spec["ends"]),
            late_after_minutes=spec["late_after_minutes"], place=spec["place"], trainer=spec["trainer"],
            manager=manager, is_demo=True)
        session.courses.set([courses[s] for s in spec["courses"]])
        session.invitees.set([users[u] for u in spec["invitees"]])
    for username, hhmm in spec["sign_ins"].items():
        moment = _moment(f"{spec['date']}T{hhmm}")
        if not SignIn.objects.filter(session=session, user=users[username]).exists():
            signin.sign_in(users[username], session.code, now=moment)
    return session


def _answer(question, wrong):
    if not wrong:
        return list(question.answer)
    others = [letter for letter in question.options() if letter not in question.answer]
    return others[:1] or list(question.answer[:-1])  # all four right: leave one out


def ensure_attempts(quizzes, questions, users):
    done = {}
    for username, slug, started, minutes, wrong in demo_people.ATTEMPTS:
        user, quiz = users[username], quizzes[slug]
        done[(username, slug)] = done.get((username, slug), 0) + 1
        if QuizAttempt.objects.filter(quiz=quiz, user=user).count() >= done[(username, slug)]:
            continue
        start = _moment(started.replace(" ", "T"))
        attempt = start_attempt(quiz, user, now=start, questions=list(quiz.questions.order_by("pk")))
        answers = {str(row.question_id): _answer(row.question, row.question.demo_key in wrong)
                   for row in attempt.answers.select_related("question")}
        grade_attempt(attempt, answers, now=start + datetime.timedelta(minutes=minutes))


def ensure_reading(manager, pages, users):
    for username, slug, label, day in demo_people.READ_RECEIPTS:
        version = RegulationVersion.objects.get(page=pages[slug], label=label)
        rereads.confirm(users[username], version, now=_moment(f"{day}T12:00"))
    spec = demo_people.REREAD
    version = RegulationVersion.objects.get(page=pages[spec["regulation"]], label=spec["version"])
    assigned = datetime.date.fromisoformat(spec["assigned_on"])
    rereads.mark_material(version, manager, datetime.date.fromisoformat(spec["due"]), today=assigned,
                          note="示例：决议和实施结果公开方式调整。",
                          users=[users[u] for u in spec["assignees"]])
    for username, day in demo_people.REREAD_DONE:
        rereads.confirm(users[username], version, now=_moment(f"{day}T12:00"))


def load(home, stdout=None, small=False):
    with transaction.atomic():
        index = ensure_index(home)
        manager = ensure_people()
        pages, first = _first_versions()
        courses = ensure_courses(index, pages, first)
        questions = ensure_questions(courses, pages, first)
        quizzes = ensure_quizzes(courses, questions)
        names = {u for u, *_ in demo_people.LEGAL_SECRETARIES + demo_people.OTHER_SECRETARIES} | {"diyishuji"}
        users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
        ensure_session(manager, courses, users)
        ensure_attempts(quizzes, questions, users)
        ensure_reading(manager, pages, users)
        for slug in data.LATER_VERSIONS:
            staleness.flag_questions_for(pages[slug])
    if stdout is not None:
        stdout.write(f"培训：{len(courses)} 门课程，{len(questions)} 道试题。")
