import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from cms.tasks import tick


class Command(BaseCommand):
    help = "前台运行的调度器：每分钟执行一次 tick（生产环境也可改用 cron 每分钟运行 manage.py tick）。"

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60, help="两次 tick 之间的秒数（默认 60）")

    def handle(self, *args, interval, **options):
        stop = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.append(True))
        verbosity = options["verbosity"]
        if verbosity >= 1:
            self.stdout.write(f"调度器已启动：每 {interval:g} 秒运行一次 tick。")
            self.stdout.flush()
        while not stop:
            close_old_connections()
            try:
                queued = tick()
                if queued and verbosity >= 2:
                    self.stdout.write("已排队：" + "、".join(queued))
                    self.stdout.flush()
            except Exception as exc:  # a database hiccup must not end the scheduler
                self.stderr.write(f"tick 失败：{exc}")
            # Wake one second past the next minute boundary (ticks fall in distinct minutes), in
            # short sleeps so that a signal stops us promptly.
            wake = (time.time() // 60 + 1) * 60 + 1 if interval == 60 else time.time() + interval
            while not stop and time.time() < wake:
                time.sleep(min(1.0, max(0.0, wake - time.time())))
