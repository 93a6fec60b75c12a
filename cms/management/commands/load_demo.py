"""Loads the Xishui demo: site, townships and villages, accounts, then each app's own demo.

Idempotent: every step looks up what it would create first."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from cms.models import HomePage
from core.optional import import_optional
from core.roles import ensure_roles

# Apps that ship a ``demo.load(home, stdout, small=False)``; order matters (compliance needs
# policies). ``small`` keeps bulk data (records for every village) to a few villages for tests.
DEMO_APPS = ["policies", "compliance", "training", "search"]

INTRO = (
    "<p>本站是习水县规范村级权力运行的制度库（示例数据）：县委组织部在此发布制度、清单和示范文本，"
    "各村对照每一项制度和职责公开履职记录，乡镇（街道）据此督导。</p>"
)


def ensure_home():
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        welcome = Page.objects.filter(depth=2, slug="home").exclude(
            pk__in=HomePage.objects.values("pk")).first()
        home = root.add_child(instance=HomePage(title="习水县村务规程库", slug="xishui", intro=INTRO))
        Site.objects.update_or_create(is_default_site=True, defaults={
            "hostname": "localhost", "port": 80, "root_page": home, "site_name": "习水县村务规程库"})
        if welcome is not None:
            welcome.delete()
    return home


class Command(BaseCommand):
    help = "载入习水县示例数据（可重复运行，不会重复创建）。"

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="不打印示例账号")
        parser.add_argument("--small", action="store_true",
                            help="只为少数村生成履职记录等大批量数据（测试用）")

    def handle(self, *args, quiet_logins=False, small=False, **options):
        from villages import demo as village_demo

        with transaction.atomic():
            home = ensure_home()
            ensure_roles()
            village_demo.load(home, self.stdout)
            accounts = village_demo.load_accounts(self.stdout)
        for app in DEMO_APPS:
            module = import_optional(f"{app}.demo")
            if module is not None:
                module.load(home, self.stdout, small=small)
        ensure_roles()
        if not quiet_logins:
            self.stdout.write("\n示例账号（仅供演示，请勿用于生产）：")
            for username, role, password in accounts:
                self.stdout.write(f"  {username:<10} 密码 {password}  {role}")
        self.stdout.write(self.style.SUCCESS("示例数据已就绪。"))
