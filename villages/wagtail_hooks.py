from wagtail import hooks

from .models import TownshipPage


@hooks.register("home_page_sections", order=100)  # after the other apps' blocks, at the foot of the page
def townships_section(request, page):
    townships = TownshipPage.objects.child_of(page).live().order_by("code")
    return {"title": "乡镇（街道）", "template": "villages/home_section.html", "context": {"townships": townships}}
