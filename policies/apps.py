from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = "制度与清单"

    def ready(self):
        from . import receivers  # noqa: F401  (connects signal receivers)
