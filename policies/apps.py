from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = "制度与清单"

    def ready(self):
        # Signal receivers and role permissions register themselves at import.
        from .regulations import permissions  # noqa: F401
        from .tasklists import receivers  # noqa: F401
