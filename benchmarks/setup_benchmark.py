"""Set-up speed: ``migrate`` then the full ``load_demo`` (26 townships, 254 villages, the policies,
a year of records, the search index) on a fresh SQLite file, each as its own process, timed from
outside as a user would (``time manage.py load_demo``). Target: ``load_demo`` ≤ 60 s.

    .venv/bin/python -m benchmarks.setup_benchmark [--keep]

Uses its own SQLite file (var/benchmarks/setup.sqlite3), never the development database. Latest
figures (CPU and wall per step, measured on the loaded shared machine): README, “Set-up speed”."""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
DB_FILE = BASE / "var" / "benchmarks" / "setup.sqlite3"
TARGET_SECONDS = 60


def _timed(args, env):
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=BASE, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"{' '.join(args)} 失败（退出码 {result.returncode}）")
    return elapsed, result.stdout


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="保留数据库文件")
    args = parser.parse_args(argv)
    DB_FILE.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB_FILE}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{DB_FILE}", "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    migrate, _ = _timed(["migrate", "-v0"], env)
    load, out = _timed(["load_demo", "--quiet-logins", "--no-progress"], env)
    again, _ = _timed(["load_demo", "--quiet-logins", "--no-progress"], env)
    print(out.rstrip())
    print()
    print("| step | seconds |")
    print("|---|---|")
    print(f"| migrate (empty SQLite) | {migrate:.1f} |")
    print(f"| load_demo (full demo) | **{load:.1f}** (target ≤ {TARGET_SECONDS}) |")
    print(f"| load_demo again (nothing to create) | {again:.1f} |")
    if not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DB_FILE}{suffix}").unlink(missing_ok=True)
    return load


if __name__ == "__main__":
    main()
