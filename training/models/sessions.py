"""Training sessions (培训班) with invitees and self sign-in by a short code."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from core import clock

CODE, QR, MANUAL = "code", "qr", "manual"


class TrainingSession(models.Model):
    title = models.CharField("名称", max_length=120)
    date = models.DateField("日期")
    starts_at = models.TimeField("开始时间")
    ends_at = models.TimeField("结束时间")
    place = models.CharField("地点", max_length=120)
    trainer = models.CharField("授课人", max_length=80, help_text="姓名（可以没有账号）")
    manager = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                verbose_name="负责人")
    courses = models.ManyToManyField("training.CoursePage", blank=True, related_name="sessions",
                                     verbose_name="课程")
    invitees = models.ManyToManyField(settings.AUTH_USER_MODEL, through="training.Invitation",
                                      related_name="training_sessions", blank=True, verbose_name="参训学员")
    late_after_minutes = models.PositiveSmallIntegerField("迟到界限（分钟）", default=10)
    opens_before_minutes = models.PositiveSmallIntegerField("提前开放签到（分钟）", default=30)
    code = models.CharField("签到码", max_length=6, unique=True, editable=False)
    is_demo = models.BooleanField("示例数据", default=False)

    panels = [FieldPanel("title"), FieldRowPanel([FieldPanel("date"), FieldPanel("starts_at"), FieldPanel("ends_at")]),
              FieldPanel("place"), FieldPanel("trainer"), FieldPanel("manager"), FieldPanel("courses"),
              FieldPanel("invitees"), FieldRowPanel([FieldPanel("late_after_minutes"),
                                                     FieldPanel("opens_before_minutes")])]

    class Meta:
        verbose_name = "培训班"
        verbose_name_plural = "培训班"
        ordering = ["-date", "-starts_at"]
        constraints = [models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                              name="session_ends_after_start")]

    def __str__(self):
        return f"{self.title}（{self.date:%Y-%m-%d}）"

    def save(self, *args, **kwargs):
        if not self.code:
            from ..signin import new_code

            self.code = new_code()
        super().save(*args, **kwargs)

    def _moment(self, time):
        return timezone.make_aware(datetime.datetime.combine(self.date, time))

    @property
    def start(self):
        return self._moment(self.starts_at)

    @property
    def end(self):
        return self._moment(self.ends_at)

    @property
    def opens(self):
        return self.start - datetime.timedelta(minutes=self.opens_before_minutes)

    def is_open(self, now=None):
        now = now or clock.now()
        return self.opens <= now <= self.end


class Invitation(models.Model):
    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "参训名单"
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="invitation_unique_user")]


class SignIn(models.Model):
    session = models.ForeignKey(TrainingSession, on_delete=models.PROTECT, related_name="sign_ins",
                                verbose_name="培训班")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                             verbose_name="学员")
    signed_at = models.DateTimeField("签到时间", default=clock.now)
    method = models.CharField("方式", max_length=6, default=CODE,
                              choices=[(CODE, "签到码"), (QR, "扫码"), (MANUAL, "管理员补录")])
    note = models.CharField("说明", max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name="补录人")

    class Meta:
        verbose_name = "签到"
        verbose_name_plural = "签到"
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="signin_one_per_user"),
            models.CheckConstraint(condition=~models.Q(method=MANUAL) | ~models.Q(note=""),
                                   name="signin_manual_needs_note"),
        ]
