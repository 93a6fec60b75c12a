"""Role permissions for the regulation snippets: editors and publishers manage 制度类别."""

from core.roles import EDITOR, PUBLISHER, extend_model_permissions

# Runs at import (PoliciesConfig.ready imports this module): editors and publishers manage categories.
extend_model_permissions(EDITOR, "policies.add_regulationcategory", "policies.change_regulationcategory")
extend_model_permissions(PUBLISHER, "policies.add_regulationcategory", "policies.change_regulationcategory",
                         "policies.delete_regulationcategory")
