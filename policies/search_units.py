"""Entry point found by ``search.registry``: each kind registers its own provider."""

from .regulations import search_units as regulations  # noqa: F401
from .tasklists import search_units as tasklists  # noqa: F401
from .villagerules import search_units as villagerules  # noqa: F401
