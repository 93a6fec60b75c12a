"""Loads the Xishui demo on top of ``setup_county``: the county, its 26 townships and 254 villages
(a generated table fed to the same import code a real county uses), accounts, then each app's own
demo. Idempotent: every step looks up what it would create first. Each step says how long it took;
steps that run longer than a moment show a progress bar."""

import contextlib
import threading
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from core.optional import import_optional
from core.roles import ensure_roles

from .setup_county import run as setup_county

# Apps that ship a ``demo.load(home, stdout, small=False)``; order matters (compliance needs
# policies). ``small`` keeps bulk data (records for every village) to a few villages for tests.
DEMO_APPS = [("policies", "制度、清单、村规民约示例"), ("compliance", "履职记录示例"), ("training", "培训示例"),
             ("search", "全文检索索引")]

INTRO = (
    "<p>本站是习水县规范村级权力运行的制度库（示例数据）：县委组织部在此发布制度、清单和示范文本，"
    "各村对照每一项制度和职责公开履职记录，乡镇（街道）据此督导。</p>"
)


@contextlib.contextmanager
def ticking(label, stream, enabled=True):
    """A bar that shows the elapsed seconds of a step whose inner progress we cannot see (another
    app's demo loader); it appears only once the step has run 2 s, so quick steps stay one line."""
    if not enabled:
        yield
        return
    done = threading.Event()
    bar = {}

    def tick():
        if done.wait(2):
            return
        bar["bar"] = tqdm(desc=label, unit="s", file=stream, bar_format="{desc}：{elapsed} {postfix}", leave=False)
        while not done.wait(0.5):
            bar["bar"].refresh()

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        if "bar" in bar:
            bar["bar"].close()


class Command(BaseCommand):
    help = "载入习水县示例数据（可重复运行，不会重复创建）。"

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="不打印示例账号")
        parser.add_argument("--small", action="store_true",
                            help="只为少数村生成履职记录等大批量数据（测试用）")
        parser.add_argument("--no-progress", action="store_true", help="不显示进度条")

    def handle(self, *args, quiet_logins=False, small=False, no_progress=False, **options):
        from villages import demo as village_demo

        show = not no_progress and not small
        started = time.monotonic()

        def progress(total):
            if not show or total < 20:
                return None
            bar = tqdm(total=total, desc="创建乡镇和村（社区）页面", unit="页", file=self.stderr._out, leave=False)
            return lambda n: (bar.update(n), bar.n >= total and bar.close())

        def timed(label, t0):
            self.stdout.write(f"  …{label}用时 {time.monotonic() - t0:.1f} 秒")

        t0 = time.monotonic()
        with transaction.atomic():
            home = setup_county(self.stdout, "习水县", "520330", data=village_demo.village_table(),
                                filename="xishui-demo.csv", village_fields=village_demo.village_profile,
                                is_demo=True, progress=progress, intro=INTRO)
            accounts = village_demo.load_accounts(self.stdout)
        timed("县、乡镇、村和账号", t0)
        for app, label in DEMO_APPS:
            module = import_optional(f"{app}.demo")
            if module is None:
                continue
            t0 = time.monotonic()
            with ticking(label, self.stderr._out, enabled=show):
                module.load(home, self.stdout, small=small)
            timed(label, t0)
        ensure_roles()
        if not quiet_logins:
            self.stdout.write("\n示例账号（仅供演示，请勿用于生产）：")
            for username, role, password in accounts:
                self.stdout.write(f"  {username:<10} 密码 {password}  {role}")
        self.stdout.write(self.style.SUCCESS(f"示例数据已就绪（共用时 {time.monotonic() - started:.0f} 秒）。"))
