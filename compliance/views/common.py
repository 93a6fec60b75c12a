from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from villages import access as village_access
from villages.models import TownshipPage, VillagePage


def village_or_404(code):
    return get_object_or_404(VillagePage.objects.live(), code=code)


def township_or_404(code):
    return get_object_or_404(TownshipPage.objects.live(), code=code)


def require_read(user, village):
    if not village_access.can_view_village(user, village):
        raise Http404("未找到")


# ``village_rights`` answers view/submit/review in one query; a user who may not even read the
# village gets 404 (its private pages do not exist for them), otherwise 403.
def require_write(user, village):
    can_view, can_write, _ = village_access.village_rights(user, village)
    if not can_write:
        if not can_view:
            raise Http404("未找到")
        raise PermissionDenied("您不能为该村提交记录。")


def require_review(user, village):
    can_view, _, can_review = village_access.village_rights(user, village)
    if not can_review:
        if not can_view:
            raise Http404("未找到")
        raise PermissionDenied("您不能审核该村的记录。")
