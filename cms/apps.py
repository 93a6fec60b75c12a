from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "站点"

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(_sync_roles, sender=self)
        _offer_statuses_to_search()


def _sync_roles(**kwargs):
    from core.roles import ensure_roles

    ensure_roles()


def _offer_statuses_to_search():
    """The search page filters by the documents' statuses. cms is where apps meet, so the policies'
    vocabulary reaches search here and search never imports a content app."""
    from policies import status
    from search import registry

    registry.register_statuses([status.IN_FORCE, status.TRIAL, status.NOT_YET, status.AMENDED, status.REPEALED])
