from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .access import is_county_staff
from .models import TownshipPage


@hooks.register("home_page_sections", order=100)  # after the other apps' blocks, at the foot of the page
def townships_section(request, page):
    townships = TownshipPage.objects.child_of(page).live().order_by("code")
    return {"title": "乡镇（街道）", "template": "villages/home_section.html", "context": {"townships": townships}}


@hooks.register("register_admin_viewset")
def register_assignment_viewset():
    return admin_views.assignment_viewset


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("villages/import/", admin_views.import_view, name="villages_import"),
            path("villages/import/template.xlsx", admin_views.template_view, name="villages_import_template")]


class CountyStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_county_staff(request.user)


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return CountyStaffMenuItem("导入乡镇和村", reverse("villages_import"), name="villages-import",
                               icon_name="upload", order=610)
