from .regulation import (  # noqa: F401
    RegulationAttachment,
    RegulationCategory,
    RegulationIndexPage,
    RegulationPage,
    RegulationRelation,
    RegulationTag,
    RegulationVersion,
)
from .tasklist import TaskItem, TaskListIndexPage, TaskListPage, TaskListVersion  # noqa: F401
from .versioning import IssuedVersion  # noqa: F401
from .villagerule import VillageRuleIndexPage, VillageRulePage, VillageRuleVersion  # noqa: F401
