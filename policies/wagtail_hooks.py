"""Wagtail loads one wagtail_hooks per app: each kind's admin views and public page sections."""

from .regulations import admin, sections  # noqa: F401
from .tasklists import sections as tasklist_sections  # noqa: F401
from .villagerules import sections as villagerule_sections  # noqa: F401
