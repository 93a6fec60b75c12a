"""A pinned citation: (regulation, version, article number). Lessons and questions both cite."""

from django.core.exceptions import ValidationError
from django.db import models

from policies.versioning.numerals import article_label


def article_text(version, number):
    """The article's plain text in that version, or None when it has no such article."""
    for article in version.articles():
        if article.number == number:
            return article.text
    return None


def citation_url(regulation, version, number):
    """The text as it stood in that version. Versions not yet in force are hidden from the public
    reader, so they open in training's own reader."""
    from core import clock

    if version is None:
        return f"{regulation.url}#art-{number}"
    if version.effective_from > clock.today():
        return f"/training/read/{version.pk}/#art-{number}"
    return f"{regulation.dated_url(version.effective_from)}#art-{number}"


class Citation(models.Model):
    regulation = models.ForeignKey("policies.RegulationPage", on_delete=models.PROTECT, related_name="+",
                                   verbose_name="制度")
    # SET_NULL: deleting a version must not block the editor; the snapshot keeps what was cited.
    version = models.ForeignKey("policies.RegulationVersion", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name="版本",
                                help_text="不填则引用该制度现行有效的版本。")
    article = models.PositiveSmallIntegerField("条", help_text="填阿拉伯数字，如 12 表示第十二条。")
    text_snapshot = models.TextField("引用时的条文", blank=True, editable=False)

    class Meta:
        abstract = True

    def __str__(self):
        version = f"（{self.version.label}）" if self.version_id else ""
        return f"《{self.regulation.title}》{version}{self.label}"

    def save(self, *args, **kwargs):
        if self.version_id:
            text = article_text(self.version, self.article)
            if text is not None:
                self.text_snapshot = text
        super().save(*args, **kwargs)

    def clean(self):
        if not self.regulation_id:
            return
        if self.version_id is None:
            self.version = self.regulation.current_version() or (self.regulation.versions_in_order() or [None])[-1]
        if self.version is None:
            raise ValidationError({"version": f"《{self.regulation.title}》还没有任何版本。"})
        if self.version.page_id != self.regulation_id:
            raise ValidationError({"version": f"“{self.version.label}”不是《{self.regulation.title}》的版本。"})
        if self.article and article_text(self.version, self.article) is None:
            raise ValidationError({"article": f"《{self.regulation.title}》{self.version.label}没有{self.label}。"})

    @property
    def label(self):
        return article_label(self.article)

    @property
    def url(self):
        return citation_url(self.regulation, self.version, self.article)
