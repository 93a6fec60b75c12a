"""Admin registration, split by kind of document (Wagtail loads one wagtail_hooks per app)."""

from .admin_ui import regulations, tasklists  # noqa: F401
