"""The question bank (题库): every question cites the article(s) and version it tests."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from .citations import Citation

SINGLE, MULTIPLE, TRUEFALSE = "single", "multiple", "truefalse"
KIND_CHOICES = [(SINGLE, "单选"), (MULTIPLE, "多选"), (TRUEFALSE, "判断")]
OK, STALE = "ok", "stale"
REVIEW_CHOICES = [(OK, "正常"), (STALE, "需复核")]
LETTERS = "ABCD"


class Question(ClusterableModel):
    kind = models.CharField("题型", max_length=10, choices=KIND_CHOICES, default=SINGLE)
    text = models.TextField("题干")
    option_a = models.CharField("选项A", max_length=200, blank=True, help_text="判断题：A=正确")
    option_b = models.CharField("选项B", max_length=200, blank=True, help_text="判断题：B=错误")
    option_c = models.CharField("选项C", max_length=200, blank=True)
    option_d = models.CharField("选项D", max_length=200, blank=True)
    answer = models.CharField("正确答案", max_length=4, help_text="正确选项的字母，如 B 或 ABC")
    explanation = models.TextField("解析", blank=True, help_text="答题后显示。")
    course = models.ForeignKey("training.CoursePage", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="questions", verbose_name="所属课程")
    review_state = models.CharField("复核状态", max_length=5, choices=REVIEW_CHOICES, default=OK)
    stale_reason = models.TextField("需复核原因", blank=True)
    stale_diff_url = models.CharField("修订对照", max_length=300, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name="复核人")
    reviewed_at = models.DateTimeField("复核时间", null=True, blank=True)
    demo_key = models.CharField("示例编号", max_length=10, blank=True, editable=False)

    panels = [
        FieldPanel("course"), FieldPanel("kind"), FieldPanel("text"),
        FieldRowPanel([FieldPanel("option_a"), FieldPanel("option_b")]),
        FieldRowPanel([FieldPanel("option_c"), FieldPanel("option_d")]),
        FieldPanel("answer"), FieldPanel("explanation"),
        InlinePanel("citations", label="考查的条文", min_num=1),
    ]

    class Meta:
        verbose_name = "试题"
        verbose_name_plural = "题库"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(answer__regex=r"^A?B?C?D?$") & ~models.Q(answer=""),
                                   name="question_answer_letters"),
        ]

    def __str__(self):
        return self.text[:40]

    @property
    def is_stale(self):
        return self.review_state == STALE

    def options(self):
        """{"A": "…", …} without blank options."""
        values = [self.option_a, self.option_b, self.option_c, self.option_d]
        return {letter: value for letter, value in zip(LETTERS, values, strict=True) if value}

    def clean(self):
        self.answer = "".join(sorted(set((self.answer or "").upper().replace(" ", ""))))
        if self.kind == TRUEFALSE:
            self.option_a, self.option_b, self.option_c, self.option_d = "正确", "错误", "", ""
        options = self.options()
        if not self.answer or any(letter not in options for letter in self.answer):
            raise ValidationError({"answer": f"正确答案只能是已填写的选项：{'、'.join(options) or '（请先填写选项）'}。"})
        if self.kind in (SINGLE, TRUEFALSE) and len(self.answer) != 1:
            raise ValidationError({"answer": "单选题和判断题只能有一个正确答案。"})
        if self.kind == MULTIPLE and len(self.answer) < 2:
            raise ValidationError({"answer": "多选题至少要有两个正确答案。"})
        if self.kind != TRUEFALSE and len(options) < 2:
            raise ValidationError({"option_b": "选择题至少要有两个选项。"})


class QuestionCitation(Orderable, Citation):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="citations")
    panels = [FieldPanel("regulation"), FieldPanel("version"), FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "考查的条文"
        verbose_name_plural = "考查的条文"
