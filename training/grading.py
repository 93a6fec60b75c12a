"""Drawing, starting, grading and the final result of quizzes. Plain functions on model rows."""

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from core import clock

from .models import AttemptAnswer, Question, QuizAttempt
from .models.bank import LETTERS, OK
from .models.quizzes import BEST, EXPIRED, FINISHED, IN_PROGRESS, RANDOM

GRACE = datetime.timedelta(seconds=60)  # the network between 交卷 and the server


class QuizError(ValueError):
    """A refusal with its reason in Chinese; nothing was saved."""


def eligible(queryset):
    return queryset.filter(review_state=OK)


def draw_questions(quiz, rng=None):
    """The questions a new attempt gets. 需复核 questions are left out of new attempts."""
    if quiz.mode != RANDOM:
        return list(eligible(quiz.questions.all()).order_by("pk"))
    rng = rng or random.Random()
    chosen = []
    for ids in _article_groups(quiz):
        ids = [pk for pk in ids if pk not in {q.pk for q in chosen}]
        chosen += list(Question.objects.filter(pk__in=rng.sample(ids, min(quiz.per_article, len(ids)))))
    return chosen


def _article_groups(quiz):
    """For each article the course's lessons cite: the eligible question ids testing it (sorted)."""
    from .models import QuestionCitation
    from .staleness import equivalents

    cache, groups, seen = {}, [], set()
    citations = list(quiz.course.citations())
    regulations = {c.regulation_id for c in citations}
    by_key = {}
    for qc in QuestionCitation.objects.filter(regulation_id__in=regulations, question__review_state=OK):
        by_key.setdefault((qc.regulation_id, qc.version_id, qc.article), set()).add(qc.question_id)
    for citation in citations:
        keys = equivalents(citation, cache)
        if keys & seen:
            continue
        seen |= keys
        groups.append(sorted(set().union(*(by_key.get(k, set()) for k in keys))))
    return groups


def draw_size(quiz):
    if quiz.mode != RANDOM:
        return eligible(quiz.questions.all()).count()
    return len(draw_questions(quiz, random.Random(0)))


def attempts_of(quiz, user):
    return list(QuizAttempt.objects.filter(quiz=quiz, user=user).order_by("number"))


def final_result(quiz, user, attempts=None):
    """(score, passed) of the user's graded attempts by the quiz's rule, or (None, None)."""
    graded = [a for a in (attempts if attempts is not None else attempts_of(quiz, user))
              if a.state in (FINISHED, EXPIRED) and a.score is not None]
    if not graded:
        return None, None
    if any(a.passed for a in graded):  # a pass is never taken away
        best = max((a for a in graded if a.passed), key=lambda a: a.score)
        return (best.score if quiz.grading == BEST else graded[-1].score), True
    chosen = max(graded, key=lambda a: a.score) if quiz.grading == BEST else graded[-1]
    return chosen.score, False


def attempts_left(quiz, user, attempts=None):
    """None = unlimited."""
    attempts = attempts if attempts is not None else attempts_of(quiz, user)
    if quiz.attempts_allowed == 0:
        return None
    return max(0, quiz.attempts_allowed - len(attempts))


def open_attempt(quiz, user, now=None):
    """The user's attempt in progress, closing it first if its time ran out."""
    attempt = QuizAttempt.objects.filter(quiz=quiz, user=user, state=IN_PROGRESS).first()
    if attempt and attempt.deadline and (now or clock.now()) > attempt.deadline + GRACE:
        attempt.state, attempt.score, attempt.passed = EXPIRED, Decimal("0"), False
        attempt.finished_at = attempt.deadline
        attempt.save()
        return None
    return attempt


@transaction.atomic
def start_attempt(quiz, user, now=None, rng=None, questions=None):
    now = now or clock.now()
    current = open_attempt(quiz, user, now)
    if current is not None:
        return current
    attempts = attempts_of(quiz, user)
    if final_result(quiz, user, attempts)[1]:
        raise QuizError("您已通过本测试。")
    left = attempts_left(quiz, user, attempts)
    if left == 0:
        raise QuizError(f"本测试最多可作答{quiz.attempts_allowed}次，您已用完。")
    drawn = questions if questions is not None else draw_questions(quiz, rng)
    if not drawn:
        raise QuizError("本测试暂无可用试题（试题可能正在复核），请稍后再试。")
    deadline = now + datetime.timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    attempt = QuizAttempt.objects.create(quiz=quiz, user=user, number=len(attempts) + 1, started_at=now,
                                         deadline=deadline)
    AttemptAnswer.objects.bulk_create([AttemptAnswer(attempt=attempt, question=q, position=i)
                                       for i, q in enumerate(drawn)])
    return attempt


def _normalise(answers, by_id):
    """{question id: "AC"}; ValueError (Chinese) on unknown ids or letters."""
    if not isinstance(answers, dict):
        raise QuizError("答案格式不正确。")
    out = {}
    for key, letters in answers.items():
        try:
            qid = int(key)
        except (TypeError, ValueError):
            raise QuizError(f"试题编号“{key}”无效。") from None
        if qid not in by_id:
            raise QuizError(f"试题 {qid} 不在本次测试中。")
        if isinstance(letters, str):
            letters = list(letters)
        if not isinstance(letters, list | tuple):
            raise QuizError(f"试题 {qid} 的答案格式不正确。")
        chosen = "".join(sorted({str(x).strip().upper() for x in letters if str(x).strip()}))
        options = by_id[qid].question.options()
        bad = [c for c in chosen if c not in LETTERS or c not in options]
        if bad:
            raise QuizError(f"试题 {qid} 没有选项“{'、'.join(bad)}”。")
        out[qid] = chosen
    return out


def _first_url(question):
    citation = question.citations.select_related("regulation", "version").first()
    return citation.url if citation else ""


@transaction.atomic
def grade_attempt(attempt, answers, now=None):
    """Stores what was entered, grades it on the server. Raises QuizError with nothing saved."""
    now = now or clock.now()
    if attempt.state != IN_PROGRESS:
        raise QuizError("本次作答已交卷，不能再次提交。")
    rows = {row.question_id: row for row in attempt.answers.select_related("question")}
    chosen = _normalise(answers, rows)
    expired = attempt.deadline is not None and now > attempt.deadline + GRACE
    right = 0
    for qid, row in rows.items():
        row.chosen = chosen.get(qid, "")
        row.correct = row.chosen == row.question.answer
        row.article_url = _first_url(row.question)
        right += row.correct
        row.save()
    if expired:
        attempt.state, attempt.score, attempt.passed = EXPIRED, Decimal("0"), False
    else:
        score = (Decimal(100 * right) / Decimal(len(rows))).quantize(Decimal("0.1"), ROUND_HALF_UP)
        attempt.state, attempt.score, attempt.passed = FINISHED, score, score >= attempt.quiz.pass_mark
    attempt.finished_at = now
    attempt.save()
    if attempt.passed:
        from .certificates import issue_certificate

        issue_certificate(attempt.user, attempt.quiz.course, attempt.score, now)
    return attempt


@transaction.atomic
def submit_answers(quiz, user, answers, now=None):
    """The API's one call: grade the open attempt, or start one and grade it at once. For a new
    attempt the answered questions must be eligible ones of this quiz (the whole draw for a fixed
    quiz, the draw's size for a random one)."""
    now = now or clock.now()
    attempt = open_attempt(quiz, user, now)
    if attempt is None:
        pool = {q.pk: q for q in (draw_questions(quiz) if quiz.mode != RANDOM else _random_pool(quiz))}
        try:
            ids = [int(k) for k in answers]
        except (TypeError, ValueError):
            raise QuizError("试题编号应为整数。") from None
        unknown = [i for i in ids if i not in pool]
        if unknown:
            raise QuizError(f"试题 {unknown[0]} 不在本测试可用的试题中。")
        questions = list(pool.values()) if quiz.mode != RANDOM else [pool[i] for i in ids]
        if quiz.mode == RANDOM and len(questions) != draw_size(quiz):
            raise QuizError(f"本测试每次应作答{draw_size(quiz)}道题。")
        attempt = start_attempt(quiz, user, now, questions=questions)
    return grade_attempt(attempt, answers, now)


def _random_pool(quiz):
    ids = {pk for group in _article_groups(quiz) for pk in group}
    return list(Question.objects.filter(pk__in=ids))
