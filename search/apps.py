from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "搜索"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from . import signals

        autodiscover_modules("search_units")
        signals.connect()
