from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "搜索"

    def ready(self):
        from django.core import checks
        from django.utils.module_loading import autodiscover_modules

        from . import signals
        from .wagtail_backend import check_pins

        checks.register(check_pins, "search")

        autodiscover_modules("search_units")
        signals.connect()
