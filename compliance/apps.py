from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "compliance"
    verbose_name = "履职记录"

    def ready(self):
        from core import roles

        # No role gets a delete permission: records are corrected by new revisions only.
        village = ["compliance.add_record", "compliance.change_record", "compliance.view_record",
                   "compliance.add_attachment", "compliance.view_attachment", "compliance.view_obligation",
                   "compliance.view_targettask", "compliance.change_targettask"]
        review = ["compliance.view_record", "compliance.review_record", "compliance.view_obligation",
                  "compliance.change_obligation", "compliance.view_attachment", "compliance.view_review",
                  "compliance.add_supervisionaction", "compliance.change_supervisionaction",
                  "compliance.view_supervisionaction", "compliance.view_targettask",
                  "compliance.add_targettask", "compliance.view_elevatedsupervision"]
        county = review + ["compliance.add_elevatedsupervision", "compliance.change_elevatedsupervision"]
        roles.extend_model_permissions(roles.VILLAGE_CADRE, *village)
        roles.extend_model_permissions(roles.FIRST_SECRETARY, *village)
        roles.extend_model_permissions(roles.SUPERVISOR, *review)
        roles.extend_model_permissions(roles.EDITOR, *county)
        roles.extend_model_permissions(roles.PUBLISHER, *county)

        # Background jobs: publish/create triggers, the periodic jobs and the 我的待办 hook.
        from . import tasks

        tasks.connect()
