"""Quizzes (测试) and attempts: Moodle's attempt model, graded best or last."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel

from core import clock

FIXED, RANDOM = "fixed", "random"
BEST, LAST = "best", "last"
IN_PROGRESS, FINISHED, EXPIRED = "in_progress", "finished", "expired"


class Quiz(models.Model):
    course = models.OneToOneField("training.CoursePage", on_delete=models.PROTECT, related_name="quiz",
                                  verbose_name="课程")
    title = models.CharField("名称", max_length=120)
    mode = models.CharField("组卷方式", max_length=6, choices=[(FIXED, "固定试题"), (RANDOM, "按条随机抽题")],
                            default=FIXED)
    questions = models.ManyToManyField("training.Question", blank=True, related_name="quizzes",
                                       verbose_name="试题（固定组卷）")
    per_article = models.PositiveSmallIntegerField("每条抽题数", default=1,
                                                   help_text="随机组卷时，课程引用的每一条抽几道题。")
    pass_mark = models.PositiveSmallIntegerField("及格分", default=80,
                                                 validators=[MinValueValidator(1), MaxValueValidator(100)])
    attempts_allowed = models.PositiveSmallIntegerField("允许作答次数", default=3, help_text="0 = 不限")
    time_limit_minutes = models.PositiveSmallIntegerField("时限（分钟）", default=30, help_text="0 = 不限")
    grading = models.CharField("成绩计算", max_length=4, choices=[(BEST, "取最高分"), (LAST, "取最后一次")],
                               default=BEST)

    panels = [FieldPanel("course"), FieldPanel("title"), FieldPanel("mode"), FieldPanel("questions"),
              FieldPanel("per_article"), FieldPanel("pass_mark"), FieldPanel("attempts_allowed"),
              FieldPanel("time_limit_minutes"), FieldPanel("grading")]

    class Meta:
        verbose_name = "测试"
        verbose_name_plural = "测试"
        constraints = [
            models.CheckConstraint(condition=models.Q(pass_mark__gte=1, pass_mark__lte=100),
                                   name="quiz_pass_mark_1_100"),
            models.CheckConstraint(condition=models.Q(per_article__gte=1), name="quiz_per_article_positive"),
        ]

    def __str__(self):
        return self.title


class QuizAttempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts", verbose_name="测试")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quiz_attempts",
                             verbose_name="学员")
    number = models.PositiveSmallIntegerField("第几次")
    started_at = models.DateTimeField("开始时间", default=clock.now)
    deadline = models.DateTimeField("截止时间", null=True, blank=True)
    finished_at = models.DateTimeField("交卷时间", null=True, blank=True)
    state = models.CharField("状态", max_length=12, default=IN_PROGRESS,
                             choices=[(IN_PROGRESS, "作答中"), (FINISHED, "已交卷"), (EXPIRED, "已超时")])
    score = models.DecimalField("得分", max_digits=5, decimal_places=1, null=True, blank=True)
    passed = models.BooleanField("通过", null=True, blank=True)

    class Meta:
        verbose_name = "答题记录"
        verbose_name_plural = "答题记录"
        ordering = ["quiz", "user", "number"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "user", "number"], name="attempt_unique_number"),
            models.UniqueConstraint(fields=["quiz", "user"], condition=models.Q(state=IN_PROGRESS),
                                    name="attempt_one_open_per_user"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="attempt_number_positive"),
        ]

    def __str__(self):
        return f"{self.user} · {self.quiz} · 第{self.number}次"


class AttemptAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey("training.Question", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    chosen = models.CharField("所选", max_length=4, blank=True)
    correct = models.BooleanField(null=True)
    # The citation's URL at grading time: a later re-pin does not change an old result.
    article_url = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="answer_unique_question")]
