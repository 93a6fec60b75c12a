"""Setting up a county on an empty install: the home page (in place of Wagtail's welcome page as
the site root), the three libraries with the 县委组织部审核 workflow, the roles. Idempotent: every
step looks up what it would create; ``setup`` returns the names of what it did create."""

import re

from django.db import transaction
from wagtail.models import Page, Site

from core.roles import ensure_roles, ensure_workflow

from .models import HomePage

CODE_RE = re.compile(r"^\d{6}$")

LIBRARIES = [
    # (app model, title, slug, intro)
    ("RegulationIndexPage", "制度库", "zhidu", "县委组织部和县直部门印发的规范村级权力运行制度。"),
    ("TaskListIndexPage", "清单库", "qingdan", "村级组织履职的任务清单：谁在什么时候、按什么步骤做什么，留下什么记录。"),
    ("VillageRuleIndexPage", "村规民约", "cunguiminyue", "全县村规民约示范文本；各村的村规民约挂在本村页面下。"),
]


class SetupError(Exception):
    pass


def check_code(code):
    if not CODE_RE.match(code or ""):
        raise SetupError(f"县级行政区划代码“{code}”应为 6 位数字，如 520330。")


def ensure_home(name, code, intro=""):
    """The county home page as the default site's root; Wagtail's welcome page goes."""
    check_code(code)
    home = HomePage.objects.first()
    if home is not None:
        if home.county_code != code:
            raise SetupError(f"本站已设置为{home.county_name}（{home.county_code}），不能再设置为{name}（{code}）。")
        return home, False
    root = Page.get_first_root_node()
    welcome = Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore")
    home = HomePage(title=f"{name}村务规程库", slug=f"county{code}", county_name=name, county_code=code, intro=intro)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={
        "hostname": "localhost", "port": 80, "root_page": home, "site_name": f"{name}村务规程库"})
    for page in welcome:
        page.delete()
    return home, True


def ensure_libraries(home):
    from django.apps import apps

    created, indexes = [], []
    for model_name, title, slug, intro in LIBRARIES:
        model = apps.get_model("policies", model_name)
        index = model.objects.child_of(home).first()
        if index is None:
            index = model(title=title, slug=slug, intro=intro)
            home.add_child(instance=index)
            index.save_revision().publish()
            created.append(title)
        indexes.append(index)
    return indexes, created


@transaction.atomic
def setup(name, code, intro=""):
    """Home, roles, libraries, workflow. Returns ``(home, [what was created])``."""
    home, made = ensure_home(name, code, intro)
    created = [f"首页“{home.title}”"] if made else []
    ensure_roles()
    indexes, libraries = ensure_libraries(home)
    created += libraries
    # The home page too: township and village pages and the village rules under them inherit it.
    ensure_workflow([home, *indexes])
    return home, created
