"""Engines behind one interface (``base.SearchEngine``); ``get_engine()`` returns the configured one."""

import threading

from django.conf import settings

_engines = {}
_lock = threading.Lock()


def engine_name():
    return (getattr(settings, "SEARCH_ENGINE", "embedded") or "embedded").strip().lower()


def get_engine():
    name = engine_name()
    with _lock:
        engine = _engines.get(name)
        if engine is None:
            if name == "elasticsearch":
                from .elasticsearch import ElasticsearchEngine as cls
            elif name == "embedded":
                from .embedded import EmbeddedEngine as cls
            else:
                raise ValueError(f"未知的检索引擎：{name}（可选 embedded、elasticsearch）")
            engine = _engines[name] = cls()
    return engine
