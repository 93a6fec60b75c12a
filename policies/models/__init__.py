"""Where Django and the other apps find the policies models (app label ``policies``): each kind
defines its own in ``policies/<kind>/models.py``; this module only re-exports them."""

from ..regulations.models import (  # noqa: F401
    RegulationAttachment,
    RegulationCategory,
    RegulationIndexPage,
    RegulationPage,
    RegulationRelation,
    RegulationTag,
    RegulationVersion,
)
from ..tasklists.models import TaskItem, TaskListIndexPage, TaskListPage, TaskListVersion  # noqa: F401
from ..versioning.models import IssuedVersion  # noqa: F401
from ..villagerules.models import VillageRuleIndexPage, VillageRulePage, VillageRuleVersion  # noqa: F401
