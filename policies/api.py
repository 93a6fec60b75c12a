"""Policies' JSON endpoints, mounted under /api/v1/ by cms.api: each kind's router."""

from ninja import Router

from .regulations.api import router as regulations_router
from .tasklists.api import router as tasklists_router
from .villagerules.api import router as villagerules_router

router = Router()
router.add_router("", regulations_router)
router.add_router("", tasklists_router)
router.add_router("", villagerules_router)
