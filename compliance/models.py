"""Per-village compliance: obligations (duty × village × period), the records that prove them,
their evidence, reviews, and the township/county supervision built on top.

Records are never destroyed: a correction is a new revision of the same record (``root``), the
earlier revisions stay readable by reviewers. Obligations keep denormalised submission/review
facts so that the displayed status is one pure function call (``compliance.status``)."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.functional import cached_property

from core import clock

from . import status as st
from .kinds import KIND_CHOICES, KIND_LABELS


def private_storage():
    """Evidence is served only through a permission-checked view, never from MEDIA_URL: files live
    outside MEDIA_ROOT (``COMPLIANCE_PRIVATE_ROOT``, default ``var/private-media/<media dir name>``)."""
    root = getattr(settings, "COMPLIANCE_PRIVATE_ROOT", None) or os.path.join(
        settings.BASE_DIR, "var", "private-media", os.path.basename(str(settings.MEDIA_ROOT).rstrip("/")))
    return FileSystemStorage(location=root)


def evidence_path(instance, filename):
    ext = os.path.splitext(filename)[1].lower()
    return f"compliance/{clock.now():%Y/%m}/{uuid.uuid4().hex}{ext}"


def overdue_q(today):
    """THE definition of 逾期, as a filter: exactly the duties ``compute_status`` calls 逾期 on
    ``today`` (due before today, not declared 不适用, nothing submitted; a returned submission is
    已退回). Every page, dashboard, export, feed and API counts with this and nothing else."""
    return Q(not_applicable=False, submitted_at__isnull=True, due__lt=today) & ~Q(review=st.RETURNED_RESULT)


def status_case(today):
    """``compute_status`` in SQL (same order of rules), for counting by status in one query."""
    submitted = Q(submitted_at__isnull=False)
    return models.Case(
        models.When(not_applicable=True, then=models.Value(st.NOT_APPLICABLE)),
        models.When(submitted & Q(review=st.ACCEPTED, submitted_on__gt=models.F("due")),
                    then=models.Value(st.DONE_LATE)),
        models.When(submitted & Q(review=st.ACCEPTED), then=models.Value(st.DONE)),
        models.When(review=st.RETURNED_RESULT, then=models.Value(st.RETURNED)),
        models.When(submitted, then=models.Value(st.IN_REVIEW)),
        models.When(due__lt=today, then=models.Value(st.OVERDUE)),
        models.When(opens__gt=today, then=models.Value(st.NOT_DUE)),
        default=models.Value(st.TO_SUBMIT), output_field=models.CharField())


class ObligationQuerySet(models.QuerySet):
    def overdue(self, today=None):
        return self.filter(overdue_q(today or clock.today()))

    def with_status(self, today=None):
        """Each row annotated with ``computed_status``, equal to ``obligation.status(today)``."""
        return self.annotate(computed_status=status_case(today or clock.today()))

    def count_by_status(self, today=None):
        """``{status: n}`` for every status in ``status.ALL`` (zeros included), one query."""
        counts = dict.fromkeys(st.ALL, 0)
        rows = self.with_status(today).order_by().values("computed_status").annotate(n=models.Count("id"))
        for row in rows:
            counts[row["computed_status"]] = row["n"]
        return counts


class Obligation(models.Model):
    village = models.ForeignKey("villages.VillagePage", on_delete=models.CASCADE, related_name="obligations",
                                verbose_name="村")
    # History is never cut: the item, version and list a duty came from cannot be deleted while
    # the duty exists (PROTECT); a changed item gets a new row, this one stays (``tasklists.sync``).
    item = models.ForeignKey("policies.TaskItem", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="obligations", verbose_name="清单事项")
    version = models.ForeignKey("policies.TaskListVersion", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="obligations", verbose_name="清单版本")
    tasklist = models.ForeignKey("policies.TaskListPage", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="obligations", verbose_name="清单")
    item_code = models.CharField("事项编码", max_length=20)
    item_name = models.CharField("事项名称", max_length=160)
    category = models.CharField("类别", max_length=40, blank=True)
    frequency = models.CharField("频次", max_length=12)
    period_key = models.CharField("期间", max_length=24)
    opens = models.DateField("开始")
    due = models.DateField("期限")
    matter = models.ForeignKey("Record", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="matter_obligations", verbose_name="事项（按需）")
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    # The local date of ``submitted_at``, kept so that dashboards compare it with ``due`` in SQL.
    submitted_on = models.DateField("提交日期", null=True, blank=True)
    review = models.CharField("审核结果", max_length=10, blank=True)
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    not_applicable = models.BooleanField("不适用", default=False)
    na_reason = models.CharField("不适用理由", max_length=200, blank=True)
    na_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+", verbose_name="标记不适用的人")
    na_at = models.DateTimeField("标记不适用时间", null=True, blank=True)

    objects = ObligationQuerySet.as_manager()

    class Meta:
        verbose_name = "履职事项"
        verbose_name_plural = "履职事项"
        default_permissions = ("view", "change")
        constraints = [
            models.UniqueConstraint(fields=["village", "item_code", "period_key"], name="obligation_unique_period"),
            models.CheckConstraint(condition=Q(review__in=["", st.ACCEPTED, st.RETURNED_RESULT]),
                                   name="obligation_review_valid"),
        ]
        indexes = [models.Index(fields=["village", "due"]), models.Index(fields=["due"])]

    def __str__(self):
        return f"{self.item_code} {self.item_name} {self.period_key}"

    def status(self, today=None):
        return st.compute_status(self.due, today or clock.today(), self.submitted_at, self.review,
                                 self.not_applicable, self.opens)

    @property
    def period_label(self):
        from policies.versioning.schedule import period_label

        try:
            return period_label(self.period_key)
        except ValueError:
            return self.period_key


class RecordQuerySet(models.QuerySet):
    def delete(self):
        raise PermissionDenied("履职记录不可删除；如需更正，请提交新版本。")


class Record(models.Model):
    DRAFT, SUBMITTED, ACCEPTED, RETURNED = "draft", "submitted", "accepted", "returned"
    STATE_CHOICES = [(DRAFT, "草稿"), (SUBMITTED, "待审核"), (ACCEPTED, "已通过"), (RETURNED, "已退回")]

    village = models.ForeignKey("villages.VillagePage", on_delete=models.PROTECT, related_name="records",
                                verbose_name="村")
    kind = models.CharField("记录类型", max_length=20, choices=KIND_CHOICES)
    title = models.CharField("标题", max_length=160)
    occurred_on = models.DateField("日期")
    content = models.JSONField("内容", default=dict, blank=True)
    flags = models.JSONField("提示", default=list, blank=True)
    state = models.CharField("状态", max_length=10, choices=STATE_CHOICES, default=DRAFT)
    is_public = models.BooleanField("已线上公开", default=False)
    obligations = models.ManyToManyField(Obligation, blank=True, related_name="records", verbose_name="履职事项")
    root = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="revisions",
                             verbose_name="原始记录")
    revision = models.PositiveSmallIntegerField("版本", default=1)
    is_current = models.BooleanField("当前版本", default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name="填报人")
    created_at = models.DateTimeField("创建时间", default=clock.now)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    review_comment = models.TextField("审核意见", blank=True)

    objects = RecordQuerySet.as_manager()

    class Meta:
        verbose_name = "履职记录"
        verbose_name_plural = "履职记录"
        default_permissions = ("add", "change", "view")
        permissions = [("review_record", "可审核履职记录")]
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["village", "is_current", "occurred_on"])]
        # The first revision has no root (it is the root): its family key is its own id.
        constraints = [
            models.UniqueConstraint(Coalesce("root", "id"), "revision", name="record_unique_revision"),
            models.UniqueConstraint(Coalesce("root", "id"), condition=Q(is_current=True),
                                    name="record_one_current_revision"),
            models.CheckConstraint(condition=Q(state__in=["draft", "submitted", "accepted", "returned"]),
                                   name="record_state_valid"),
            models.CheckConstraint(condition=Q(revision__gte=1), name="record_revision_positive"),
        ]

    def __str__(self):
        return f"{self.kind_label} {self.title}"

    def get_absolute_url(self):
        return reverse("compliance:record", args=[self.pk])

    def delete(self, *args, **kwargs):
        raise PermissionDenied("履职记录不可删除；如需更正，请提交新版本。")

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def state_label(self):
        return dict(self.STATE_CHOICES).get(self.state, self.state)

    @property
    def root_id_or_self(self):
        return self.root_id or self.pk

    @cached_property
    def history(self):
        root = self.root_id_or_self
        return list(Record.objects.filter(models.Q(pk=root) | models.Q(root_id=root)).order_by("revision"))


class Citation(models.Model):
    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="citations", verbose_name="记录")
    regulation = models.ForeignKey("policies.RegulationPage", on_delete=models.PROTECT, related_name="+",
                                   verbose_name="制度")
    version = models.ForeignKey("policies.RegulationVersion", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="citations", verbose_name="制度版本")
    article = models.CharField("条", max_length=20)
    anchor = models.CharField("锚点", max_length=20, blank=True)

    class Meta:
        verbose_name = "引用条文"
        verbose_name_plural = "引用条文"
        default_permissions = ()
        indexes = [models.Index(fields=["regulation", "anchor"])]

    def url(self):
        from .links import article_url

        return article_url(self.regulation, self.version, self.anchor)


class Attachment(models.Model):
    record = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="attachments", verbose_name="记录")
    file = models.FileField("文件", upload_to=evidence_path, storage=private_storage)
    thumbnail = models.FileField("缩略图", upload_to=evidence_path, storage=private_storage, blank=True)
    original_name = models.CharField("原文件名", max_length=200)
    file_type = models.CharField("类型", max_length=8)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    width = models.PositiveIntegerField("宽", null=True, blank=True)
    height = models.PositiveIntegerField("高", null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name="上传人")
    uploaded_at = models.DateTimeField("上传时间", default=clock.now)

    class Meta:
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"
        default_permissions = ("add", "view")

    @property
    def is_image(self):
        return self.file_type in ("jpg", "png")


class Review(models.Model):
    record = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="reviews", verbose_name="记录")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                                 verbose_name="审核人")
    result = models.CharField("结果", max_length=10, choices=[(st.ACCEPTED, "通过"), (st.RETURNED_RESULT, "退回")])
    comment = models.TextField("意见", blank=True)
    at = models.DateTimeField("时间", default=clock.now)

    class Meta:
        verbose_name = "审核"
        verbose_name_plural = "审核"
        default_permissions = ("view",)
        ordering = ["at"]
        constraints = [models.CheckConstraint(condition=Q(result__in=[st.ACCEPTED, st.RETURNED_RESULT]),
                                              name="review_result_valid")]


class SupervisionAction(models.Model):
    TALK, WARNING, RECTIFY = "talk", "warning", "rectify"
    KIND_CHOICES = [(TALK, "谈话提醒"), (WARNING, "书面警示"), (RECTIFY, "责令整改")]

    village = models.ForeignKey("villages.VillagePage", on_delete=models.PROTECT,
                                related_name="supervision_actions", verbose_name="村")
    obligation = models.ForeignKey(Obligation, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="actions", verbose_name="事项")
    kind = models.CharField("方式", max_length=10, choices=KIND_CHOICES)
    reason = models.TextField("事由")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                                  verbose_name="督导人")
    issued_on = models.DateField("日期", default=clock.today)
    rectify_by = models.DateField("整改期限", null=True, blank=True)
    closed_on = models.DateField("整改完成日期", null=True, blank=True)
    closure_note = models.TextField("整改情况", blank=True)

    class Meta:
        verbose_name = "督导措施"
        verbose_name_plural = "督导措施"
        default_permissions = ("add", "change", "view")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["talk", "warning", "rectify"]), name="action_kind_valid"),
            models.CheckConstraint(condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("issued_on")),
                                   name="action_closed_after_issued"),
        ]

    @property
    def kind_label(self):
        return dict(self.KIND_CHOICES).get(self.kind, self.kind)

    def is_open(self):
        return self.kind == self.RECTIFY and self.closed_on is None


class ElevatedSupervision(models.Model):
    """提级监督: the county takes over supervision of a village with large 三资."""

    village = models.OneToOneField("villages.VillagePage", on_delete=models.CASCADE, related_name="elevated",
                                   verbose_name="村")
    reason = models.CharField("理由", max_length=200)
    since = models.DateField("起始日期")
    until = models.DateField("结束日期", null=True, blank=True)

    class Meta:
        verbose_name = "提级监督"
        verbose_name_plural = "提级监督"
        default_permissions = ("add", "change", "view")
        constraints = [models.CheckConstraint(condition=Q(until__isnull=True) | Q(until__gte=models.F("since")),
                                              name="elevated_until_after_since")]


class TargetTask(models.Model):
    """A village secretary's 目标任务清单 entry: a public commitment with a time node."""

    village = models.ForeignKey("villages.VillagePage", on_delete=models.CASCADE, related_name="targets",
                                verbose_name="村")
    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("目标任务", max_length=160)
    commitment = models.TextField("公开承诺", blank=True)
    due = models.DateField("时间节点")
    done_on = models.DateField("完成日期", null=True, blank=True)
    record = models.ForeignKey(Record, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                               verbose_name="佐证记录")

    class Meta:
        verbose_name = "目标任务"
        verbose_name_plural = "目标任务"
        default_permissions = ("add", "change", "view")
        ordering = ["due"]

    def status(self, today=None):
        return st.compute_status(self.due, today or clock.today(), self.done_on,
                                 st.ACCEPTED if self.done_on else "", False)


class SentReminder(models.Model):
    """What reminder e-mail went to whom on which day, so a rerun of the job sends nothing twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="用户")
    key = models.CharField("事项", max_length=80)
    day = models.DateField("日期")
    sent_at = models.DateTimeField("发送时间")

    class Meta:
        verbose_name = "已发送提醒"
        verbose_name_plural = "已发送提醒"
        constraints = [models.UniqueConstraint(fields=["user", "key", "day"], name="reminder_once_per_day")]
