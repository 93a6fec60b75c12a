"""Receivers for regulations: role permissions for the regulation snippets, and a guard that keeps
versions of a published regulation from overlapping."""

from core.roles import EDITOR, PUBLISHER, extend_model_permissions

# Runs at import (AppConfig.ready imports receivers): editors and publishers manage categories.
extend_model_permissions(EDITOR, "policies.add_regulationcategory", "policies.change_regulationcategory")
extend_model_permissions(PUBLISHER, "policies.add_regulationcategory", "policies.change_regulationcategory",
                         "policies.delete_regulationcategory")
