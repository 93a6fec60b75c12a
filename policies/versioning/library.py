"""What the three library index pages (制度库, 清单库, 村规民约) share: one per site, under the home page."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class LibraryIndexPage(Page):
    intro = models.TextField("简介", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    max_count = 1

    class Meta:
        abstract = True
