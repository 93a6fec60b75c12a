from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from villages.models import TownshipPage, VillagePage

from .. import access


def village_or_404(code):
    return get_object_or_404(VillagePage.objects.live(), code=code)


def township_or_404(code):
    return get_object_or_404(TownshipPage.objects.live(), code=code)


def require_read(user, village):
    if not access.can_read_village(user, village):
        raise Http404("未找到")


def require_write(user, village):
    if not access.can_write(user, village):
        if not access.can_read_village(user, village):
            raise Http404("未找到")
        raise PermissionDenied("您不能为该村提交记录。")


def require_review(user, village):
    if not access.can_review(user, village):
        if not access.can_read_village(user, village):
            raise Http404("未找到")
        raise PermissionDenied("您不能审核该村的记录。")
