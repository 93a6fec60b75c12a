"""Policies' JSON endpoints, mounted under /api/v1/ by cms.api."""

from ninja import Router

from .regulations import router as regulations_router
from .tasklists import router as tasklists_router

router = Router()
router.add_router("", regulations_router)
router.add_router("", tasklists_router)
