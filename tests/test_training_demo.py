"""The training demo: courses, the bank, the session, attempts, re-reads and 需复核."""

import pytest

from training import demo_data
from training.models import CoursePage, Question, QuizAttempt, ReadAssignment, SignIn

pytestmark = pytest.mark.django_db


def test_demo_has_courses_questions_and_the_stale_ones():
    assert CoursePage.objects.count() == 3
    assert Question.objects.count() == len(demo_data.QUESTIONS)
    stale = sorted(Question.objects.filter(review_state="stale").values_list("demo_key", flat=True))
    assert stale == sorted(demo_data.stale_question_keys())


def test_demo_session_attempts_and_rereads():
    assert SignIn.objects.count() == len(demo_data.SESSION["sign_ins"])
    assert QuizAttempt.objects.count() == len(demo_data.ATTEMPTS)
    assert ReadAssignment.objects.count() == 21
