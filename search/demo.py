"""Demo step: rebuild the search index from whatever the other demo steps created."""

import time

from . import registry
from .engines import get_engine


def load(home, stdout=None, small=False):
    started = time.perf_counter()
    try:
        written = registry.reindex_all()
    except Exception as exc:  # the demo must still load when the search server is unreachable
        if stdout is not None:
            stdout.write(f"检索索引未能重建（{exc}）；可稍后运行 python manage.py search_reindex。")
        return 0
    if stdout is not None:
        stdout.write(f"检索索引已重建：{written} 个条目，引擎 {get_engine().name}，"
                     f"用时 {time.perf_counter() - started:.1f} 秒。")
    return written
