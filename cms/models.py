from django.db import models
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The county's front page: what the site is, what is new, where to search."""

    county_name = models.CharField("县名", max_length=40, default="习水县")
    county_code = models.CharField("行政区划代码", max_length=12, default="520330")
    intro = RichTextField("简介", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("county_name"),
        FieldPanel("county_code"),
        FieldPanel("intro"),
    ]

    max_count = 1

    class Meta:
        verbose_name = "县首页"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from villages.models import TownshipPage

        context["townships"] = TownshipPage.objects.child_of(self).live().order_by("code")
        # Apps contribute front-page blocks (latest rules, task lists …) without cms importing them.
        sections = []
        for fn in hooks.get_hooks("home_page_sections"):
            section = fn(request, self)
            if section:
                sections.append(section)
        context["sections"] = sections
        return context
