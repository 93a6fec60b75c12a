from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "第一书记培训"

    def ready(self):
        from core import roles

        from . import receivers  # noqa: F401  (page_published → 需复核)

        manage = []
        for model in ("question", "quiz", "trainingsession", "materialrevision", "signin", "certificate"):
            manage += [f"training.add_{model}", f"training.change_{model}", f"training.view_{model}"]
        roles.extend_model_permissions(roles.TRAINING_MANAGER, "wagtailadmin.access_admin", *manage,
                                       "training.view_quizattempt", "training.view_readreceipt")
