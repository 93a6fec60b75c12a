from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer every app may use: the clock, roles, pagination, Chinese dates, the
    optional-module loader and the site's template tags. It imports no app of the project."""

    name = "core"
    verbose_name = "公共基础"
