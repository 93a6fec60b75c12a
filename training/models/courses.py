"""Courses (培训课程) as Wagtail pages: index → course → lessons, each lesson citing articles."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from .citations import Citation


class CourseIndexPage(Page):
    intro = RichTextField("简介", blank=True)
    subpage_types = ["training.CoursePage"]
    parent_page_types = ["cms.HomePage"]
    max_count = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    template = "training/course_index_page.html"

    class Meta:
        verbose_name = "培训课程库"

    def get_context(self, request, *args, **kwargs):
        from ..progress import course_statuses

        context = super().get_context(request, *args, **kwargs)
        courses = CoursePage.objects.child_of(self).live().specific()
        context["courses"] = course_statuses(list(courses), request.user)
        return context


class CoursePage(RoutablePageMixin, Page):
    intro = models.TextField("课程简介", blank=True)
    hours = models.DecimalField("学时", max_digits=4, decimal_places=1, default=Decimal("1.0"),
                                validators=[MinValueValidator(Decimal("0.5"), "学时不能少于0.5。")])
    is_demo = models.BooleanField("示例数据", default=False)

    parent_page_types = ["training.CourseIndexPage"]
    subpage_types = ["training.LessonPage"]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("hours"), FieldPanel("is_demo")]
    template = "training/course_page.html"

    class Meta:
        verbose_name = "培训课程"
        constraints = [models.CheckConstraint(condition=models.Q(hours__gte=Decimal("0.5")),
                                              name="course_hours_at_least_half")]

    def lessons(self):
        return LessonPage.objects.child_of(self).live().specific()

    def citations(self):
        """Every lesson citation in lesson order (one query)."""
        return (LessonCitation.objects.filter(lesson__in=self.lessons())
                .select_related("regulation", "version", "lesson").order_by("lesson__path", "sort_order"))

    def get_context(self, request, *args, **kwargs):
        from ..pages import course_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(self, request))
        return context

    @path("print/")
    def handout(self, request):
        from ..pages import handout_view

        return handout_view(self, request, pdf=False)

    @path("pdf/")
    def handout_pdf(self, request):
        from ..pages import handout_view

        return handout_view(self, request, pdf=True)


class LessonPage(Page):
    body = RichTextField("内容", blank=True)
    parent_page_types = ["training.CoursePage"]
    subpage_types = []
    content_panels = Page.content_panels + [FieldPanel("body"), InlinePanel("citations", label="引用条文")]
    template = "training/lesson_page.html"

    class Meta:
        verbose_name = "课时"

    def get_context(self, request, *args, **kwargs):
        from ..pages import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(self))
        return context


class LessonCitation(Orderable, Citation):
    lesson = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="citations")
    panels = [FieldPanel("regulation"), FieldPanel("version"), FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "引用条文"
        verbose_name_plural = "引用条文"
