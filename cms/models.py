from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.sections import collect_sections


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

    def route(self, request, path_components):
        """Jump to the deepest page whose URL is a prefix of the path in one query, instead of
        Wagtail's two queries per level (a village page is three levels down); that page then
        routes the rest itself (e.g. a regulation's dated sub-URL)."""
        if len(path_components) < 2:
            return super().route(request, path_components)
        prefixes = [self.url_path + "/".join(path_components[:n]) + "/"
                    for n in range(1, len(path_components) + 1)]
        matches = list(Page.objects.filter(url_path__in=prefixes, path__startswith=self.path, depth__gt=self.depth)
                       .order_by("-depth"))
        if not matches:
            return super().route(request, path_components)
        deepest = matches[0].specific
        # The shallower matches are the deepest page's ancestors below home: pages may use them for
        # breadcrumbs instead of querying the ancestors again (see VillagePage.get_context).
        deepest.routed_ancestors = [self, *reversed(matches[1:])]
        return deepest.route(request, path_components[deepest.depth - self.depth:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Apps contribute front-page blocks (latest rules, task lists, the townships …) without cms
        # importing them.
        context["sections"] = collect_sections("home_page_sections", request, self)
        return context


class PeriodicRun(models.Model):
    """One row per periodic job and time slot (a minute or a day): ``manage.py tick`` queues a job
    only when it inserts the row, so two ticks in the same slot queue it once."""

    job = models.CharField("任务", max_length=60)
    slot = models.CharField("时段", max_length=20)
    queued_at = models.DateTimeField("排队时间")

    class Meta:
        verbose_name = "定时任务记录"
        verbose_name_plural = "定时任务记录"
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="periodic_run_once_per_slot")]
