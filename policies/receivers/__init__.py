"""Signal receivers, one module per kind of document."""

from . import regulations, tasklists  # noqa: F401
