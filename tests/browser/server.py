"""A real site for browser tests: its own SQLite file, the small demo, `runserver` on a free port.

Browser tests cannot share the suite's rolled-back test database (a live server needs committed
data, and flushing it would wipe the demo the other tests rely on), so they get a site of their own."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.utils import timezone

from core import clock

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SiteServer:
    def __init__(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="rulebook-browser-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="cms.settings.dev",
            DATABASE_URL=f"sqlite:///{self.tmp.name}/site.sqlite3",
            MEDIA_ROOT=f"{self.tmp.name}/media",
            SEARCH_ENGINE="embedded",
            TASK_BACKEND="immediate",  # no worker beside this server: jobs (search updates) run inline
            DEBUG="1",
            RULEBOOK_NOW=timezone.localtime(clock.now()).replace(tzinfo=None).isoformat(timespec="minutes"),
        )
        self.env.pop("ES_URL", None)
        self.proc = None

    def manage(self, *args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True,
                       stdout=subprocess.DEVNULL)

    def start(self):
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_demo", "--small", "--quiet-logins")
        self.proc = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload", "--nothreading"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url + "/", timeout=2)
                return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("测试站点未能启动")

    def stop(self):
        if self.proc:
            self.proc.terminate()
            self.proc.wait(10)
        self.tmp.cleanup()


_shared = None


def shared_site():
    """One server for every browser test module of a run: starting one costs a migrate and the
    small demo, so modules share it (tests must not depend on each other's changes)."""
    global _shared
    if _shared is None:
        import atexit

        _shared = SiteServer().start()
        atexit.register(_shared.stop)
    return _shared
