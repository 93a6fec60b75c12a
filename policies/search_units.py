"""Entry point found by ``search.registry``: each kind registers its own provider, and policies
tells search the statuses its documents can have (the search page filters by them)."""

from search import registry

from .regulations import search_units as regulations  # noqa: F401
from .tasklists import search_units as tasklists  # noqa: F401
from .versioning import status
from .villagerules import search_units as villagerules  # noqa: F401

registry.register_statuses([status.IN_FORCE, status.TRIAL, status.NOT_YET, status.AMENDED, status.REPEALED])
