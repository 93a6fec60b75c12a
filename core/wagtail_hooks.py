"""Admin guards every app shares: no draft title reaches a user who may not read the draft."""

from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.models import Page

from .page_visibility import may_see_title, title_filter


@hooks.register("construct_page_chooser_queryset")
def chooser_hides_drafts(pages, request):
    shown = title_filter(request.user)
    if shown is None:
        return pages
    # By id: the chooser's search backend filters only on indexed fields.
    return pages.filter(pk__in=list(Page.objects.filter(shown).values_list("pk", flat=True)))


class _HidesForeignTitles:
    """The confirmation lists the pages the user may not act on; only those whose title they may read."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        extra["items_with_no_access"] = [p for p in extra["items_with_no_access"] if may_see_title(p, user)]
        return objects, extra


# Registered after Wagtail's own (order): the same action type replaces them.
for _base in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction):
    hooks.register("register_bulk_action", type(_base.__name__, (_HidesForeignTitles, _base), {"__module__": __name__}), order=100)

