"""The issued-version base: regulations, task lists and village rules all issue versions."""

import datetime

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from core import clock

from . import status as status_rules
from .structure import parse_stream


def today():
    return clock.today()


class IssuedVersion(models.Model):
    """One officially issued text. Concrete subclasses add a ParentalKey ``page`` to their
    document and a ``body`` field."""

    label = models.CharField("版本名称", max_length=60, help_text="如：2023年试行版、2024年修订版")
    doc_number = models.CharField("文号", max_length=80, blank=True)
    issued_on = models.DateField("印发日期", null=True, blank=True)
    effective_from = models.DateField("生效日期")
    effective_to = models.DateField("失效日期", null=True, blank=True,
                                    help_text="有明确失效日期时填写；被新版本替代的不必填写。")
    is_trial = models.BooleanField("试行", default=False)
    trial_until = models.DateField("试行截止", null=True, blank=True)
    change_note = models.TextField("修订说明", blank=True)

    version_panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("doc_number")]),
        FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_from"), FieldPanel("effective_to")]),
        FieldRowPanel([FieldPanel("is_trial"), FieldPanel("trial_until")]),
        FieldPanel("change_note"),
    ]

    class Meta:
        abstract = True
        ordering = ["effective_from"]

    def __str__(self):
        return self.label

    # --- structure -------------------------------------------------------------------------
    def raw_body(self):
        body = getattr(self, "body", None)
        if body is None:
            return []
        return list(body.raw_data) if hasattr(body, "raw_data") else list(body)

    def outline(self):
        return parse_stream(self.raw_body())[0]

    def articles(self):
        return parse_stream(self.raw_body())[1]

    def chapters(self):
        return [h for h in self.outline() if getattr(h, "kind", None) == "chapter"]

    # --- dates -----------------------------------------------------------------------------
    def siblings(self):
        """All versions of the same document (including self), in the form being viewed."""
        if not self.page_id:
            return [self]
        others = [v for v in self.page.versions.all()
                  if v is not self and (self.pk is None or v.pk != self.pk)]
        return [self, *others]

    def repealed_on(self):
        return getattr(self.page, "repealed_on", None) if self.page_id else None

    def window(self):
        return status_rules.window_of(self, self.siblings(), self.repealed_on())

    def status(self, on=None):
        return status_rules.version_status(self, self.siblings(), on or today(), self.repealed_on())

    def in_force_on(self, day: datetime.date):
        return self.window().contains(day)

    @property
    def effective_until(self):
        return self.window().end
