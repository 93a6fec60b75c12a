"""Read receipts (已学习确认), material revisions with re-reads, certificates."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel

from core import clock


class ReadReceipt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="read_receipts",
                             verbose_name="学员")
    version = models.ForeignKey("policies.RegulationVersion", on_delete=models.PROTECT, related_name="+",
                                verbose_name="制度版本")
    confirmed_at = models.DateTimeField("确认时间", default=clock.now)

    class Meta:
        verbose_name = "已学习确认"
        verbose_name_plural = "已学习确认"
        constraints = [models.UniqueConstraint(fields=["user", "version"], name="receipt_one_per_user_version")]


class MaterialRevisionForm(WagtailAdminModelForm):
    """The manager who saves the form is the one who marked the version material."""

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on and due_on < clock.today():
            raise ValidationError("学习截止日期不能早于今天。")
        return due_on

    def save(self, commit=True):
        if not self.instance.marked_by_id:
            self.instance.marked_by = self.for_user
        return super().save(commit)


class MaterialRevision(models.Model):
    """The 培训管理员's flag that a version changes what cadres must do; policies stays untouched."""

    version = models.OneToOneField("policies.RegulationVersion", on_delete=models.PROTECT, related_name="+",
                                   verbose_name="制度版本")
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name="标记人")
    marked_at = models.DateTimeField("标记时间", default=clock.now)
    due_on = models.DateField("学习截止日期")
    note = models.TextField("说明", blank=True)

    panels = [FieldPanel("version"), FieldPanel("due_on"), FieldPanel("note")]
    base_form_class = MaterialRevisionForm

    class Meta:
        verbose_name = "实质性修订"
        verbose_name_plural = "实质性修订"

    def __str__(self):
        return f"《{self.version.page.title}》{self.version.label}"


class ReadAssignment(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="read_assignments",
                             verbose_name="学员")
    version = models.ForeignKey("policies.RegulationVersion", on_delete=models.PROTECT, related_name="+",
                                verbose_name="制度版本")
    revision = models.ForeignKey(MaterialRevision, on_delete=models.CASCADE, related_name="assignments")
    assigned_on = models.DateField("布置日期", default=clock.today)
    due_on = models.DateField("截止日期")

    class Meta:
        verbose_name = "重新学习任务"
        verbose_name_plural = "重新学习任务"
        constraints = [models.UniqueConstraint(fields=["user", "version"], name="assignment_one_per_user_version")]


class Certificate(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates",
                             verbose_name="学员")
    course = models.ForeignKey("training.CoursePage", on_delete=models.PROTECT, related_name="certificates",
                               verbose_name="课程")
    issued_at = models.DateTimeField("发证时间", default=clock.now)
    code = models.CharField("验证码", max_length=12, unique=True)
    hours = models.DecimalField("学时", max_digits=4, decimal_places=1)
    score = models.DecimalField("成绩", max_digits=5, decimal_places=1)

    class Meta:
        verbose_name = "结业证书"
        verbose_name_plural = "结业证书"
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="certificate_one_per_course")]

    @property
    def display_code(self):
        return f"{self.code[:4]}-{self.code[4:8]}-{self.code[8:]}"
