"""Taking a quiz: server-checked answers, wrong answers link to their article, attempts, time limit,
grading rules, and the API in the shape the issue gives."""

import datetime
import json
import re

import pytest
from django.contrib.auth import get_user_model

from core import clock
from training import grading
from training.models import Certificate, Question, Quiz, QuizAttempt

pytestmark = pytest.mark.django_db


def quiz_of(slug):
    return Quiz.objects.select_related("course").get(course__slug=slug)


def user(name):
    return get_user_model().objects.get(username=name)


def test_grading_rules_from_the_demo():
    sanzi, siyi = quiz_of("sanzi-lianshen-lianqian"), quiz_of("siyi-liang-gongkai")
    # "last": 78.6 then 71.4 → 71.4 counts; "best": a failed first try does not hide the pass.
    score, passed = grading.final_result(sanzi, user("flsj06"))
    assert (float(score), passed) == (71.4, False)
    score, passed = grading.final_result(siyi, user("flsj03"))
    assert passed and float(score) == pytest.approx(95.7)
    assert Certificate.objects.filter(user__username="flsj03", course=siyi.course).exists()
    assert not Certificate.objects.filter(user__username="flsj06").exists()


def test_no_attempts_left_is_refused_in_chinese(client, login):
    login("flsj05")  # three failed tries on a quiz that allows three
    quiz = quiz_of("siyi-liang-gongkai")
    response = client.post(f"/training/quiz/{quiz.pk}/")
    assert response.status_code == 400
    assert "本测试最多可作答3次，您已用完。" in response.content.decode()
    assert QuizAttempt.objects.filter(quiz=quiz, user__username="flsj05").count() == 3


def test_taking_the_quiz_wrong_answer_links_to_the_article(client, login):
    login("flsj04")
    quiz = quiz_of("siyi-liang-gongkai")
    start = client.post(f"/training/quiz/{quiz.pk}/")
    attempt = QuizAttempt.objects.get(quiz=quiz, user__username="flsj04", state="in_progress")
    assert start["Location"] == f"/training/attempt/{attempt.pk}/"
    rows = list(attempt.answers.select_related("question"))
    form = {f"q{r.question_id}": list(r.question.answer) for r in rows}
    wrong = next(r for r in rows if r.question.demo_key == "q04")  # 党员大会到会 三分之二, 四议两公开 第四条
    form[f"q{wrong.question_id}"] = ["A"]
    result = client.get(client.post(f"/training/attempt/{attempt.pk}/", form)["Location"])
    html = result.content.decode()
    assert result.status_code == 200 and "回答错误" in html and html.count("回答错误") == 1
    # The link opens the article as it stood in the cited (2021) version.
    links = re.findall(r'class="article-link" href="([^"]+)"', html)
    # 第四条 is unchanged in the 2027 amendment, so the citation was re-pinned to it; while that version
    # is not yet in force the link opens training's reader of that version.
    assert links == [wrong.question.citations.get().url] and links[0].endswith("#art-4")
    article = client.get(links[0].split("#")[0]).content.decode()
    assert 'id="art-4"' in article and "三分之二以上党员到会" in article
    assert "党员大会审议时应当有三分之二以上党员到会" in html  # the explanation after answering
    attempt.refresh_from_db()
    assert attempt.state == "finished" and float(attempt.score) == round(100 * (len(rows) - 1) / len(rows), 1)


def test_stale_questions_are_left_out_of_new_attempts():
    quiz = quiz_of("siyi-liang-gongkai")
    drawn = {q.demo_key for q in grading.draw_questions(quiz)}
    assert {"q08", "q09", "q10", "q45"}.isdisjoint(drawn)
    assert len(drawn) == 23 - 4


def test_random_quiz_draws_one_per_cited_article():
    quiz = quiz_of("cunji-ganbu-guanli")
    drawn = grading.draw_questions(quiz)
    assert drawn and len({q.pk for q in drawn}) == len(drawn)
    assert not any(q.review_state == "stale" for q in drawn)


def test_answers_after_the_time_limit_score_zero():
    quiz = quiz_of("sanzi-lianshen-lianqian")
    trainee = user("dysj03")
    start = clock.now()
    attempt = grading.start_attempt(quiz, trainee, now=start)
    answers = {str(r.question_id): list(r.question.answer) for r in attempt.answers.select_related("question")}
    grading.grade_attempt(attempt, answers, now=start + datetime.timedelta(minutes=quiz.time_limit_minutes, seconds=90))
    attempt.refresh_from_db()
    assert attempt.state == "expired" and attempt.score == 0 and attempt.passed is False
    assert attempt.answers.exclude(chosen="").count() == attempt.answers.count()  # what was entered is kept


def test_api_quiz_has_no_answers_and_needs_login(client, login):
    quiz = quiz_of("siyi-liang-gongkai")
    assert client.get(f"/api/v1/training/quizzes/{quiz.pk}/").status_code == 401
    login("dysj04")
    data = client.get(f"/api/v1/training/quizzes/{quiz.pk}/").json()
    assert data["pass_mark"] == 80 and data["attempts_left"] == 3
    question = data["questions"][0]
    assert set(question) == {"id", "kind", "text", "options", "articles"}
    assert set(question["articles"][0]) == {"regulation_id", "article", "version_id", "url"}
    assert "answer" not in json.dumps(data) and "explanation" not in json.dumps(data)


def test_api_submit_grades_on_the_server(client, login):
    login("dysj04")
    quiz = quiz_of("siyi-liang-gongkai")
    questions = grading.draw_questions(quiz)
    answers = {str(q.pk): list(q.answer) for q in questions}
    q04 = Question.objects.get(demo_key="q04")
    answers[str(q04.pk)] = ["A"]
    response = client.post(f"/api/v1/training/quizzes/{quiz.pk}/attempts/", {"answers": answers},
                           content_type="application/json")
    assert response.status_code == 201
    body = response.json()
    assert body["passed"] is True and body["score"] == pytest.approx(round(100 * 18 / 19, 1))
    wrong = [r for r in body["results"] if not r["correct"]]
    assert [r["question_id"] for r in wrong] == [q04.pk] and wrong[0]["article_url"].endswith("#art-4")


def test_api_rejects_bad_letters_and_unknown_questions_and_saves_nothing(client, login):
    login("dysj04")
    quiz = quiz_of("siyi-liang-gongkai")
    q01 = Question.objects.get(demo_key="q01")
    for answers, message in [({str(q01.pk): ["E"]}, "没有选项"), ({"999999": ["A"]}, "不在本测试"),
                             ({str(Question.objects.get(demo_key="q08").pk): ["C"]}, "不在本测试")]:
        response = client.post(f"/api/v1/training/quizzes/{quiz.pk}/attempts/", {"answers": answers},
                               content_type="application/json")
        assert response.status_code == 400 and message in response.json()["detail"]
    assert not QuizAttempt.objects.filter(quiz=quiz, user__username="dysj04").exists()


def test_api_courses_shape(client):
    data = client.get("/api/v1/training/courses/").json()
    assert data["count"] == 3
    assert set(data["results"][0]) == {"id", "title", "hours", "lessons", "url"}
    siyi = next(c for c in data["results"] if "四议两公开" in c["title"])
    detail = client.get(f"/api/v1/training/courses/{siyi['id']}/").json()
    assert len(detail["lessons"]) == siyi["lessons"] == 6
    assert detail["quiz"]["pass_mark"] == 80 and detail["quiz"]["questions"] == 19
    assert client.get("/api/v1/training/courses/999999/").json() == {"detail": "课程不存在"}
