"""Admin guards every app shares: no draft title reaches a user who may not read the draft."""

from django.contrib import messages
from django.shortcuts import redirect
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



STALE_EDIT = "保存失败：此页面在您打开之后已被他人修改。为避免覆盖他人的修改，请复制您的改动，重新打开页面后再保存。"


@hooks.register("before_edit_page")
def refuse_stale_edit(request, page):
    """Wagtail refuses an out-of-date autosave but a plain form POST would overwrite a newer revision:
    compare the revision the form was loaded with against the latest one on the server."""
    if request.method != "POST":
        return None
    loaded = request.POST.get("loaded_revision_id", "")
    latest = page.get_latest_revision()
    if loaded and latest is not None and loaded != str(latest.pk):
        messages.error(request, STALE_EDIT)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
