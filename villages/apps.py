from django.apps import AppConfig


class VillagesConfig(AppConfig):
    name = "villages"
    verbose_name = "乡镇与村"

    def ready(self):
        from core.roles import EDITOR, PUBLISHER, extend_model_permissions

        # 岗位 are managed by county staff only (the admin viewset checks these permissions).
        for role in (EDITOR, PUBLISHER):
            extend_model_permissions(role, *(f"villages.{action}_cadreassignment"
                                             for action in ("add", "change", "delete", "view")))
