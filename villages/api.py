from ninja import Router, Schema
from ninja.pagination import paginate

from core.pagination import CountResultsPagination

from .models import TownshipPage, VillagePage

router = Router(tags=["村（社区）"])


class VillageOut(Schema):
    code: str
    name: str
    township: str
    url: str


def find_township(value):
    """A township by code (520330101) or by name with or without its suffix (土城 / 土城镇)."""
    return TownshipPage.objects.filter(code=value).first() or TownshipPage.objects.filter(
        title__in=[value, f"{value}镇", f"{value}乡", f"{value}街道"]).first()


@router.get("/villages/", response=list[VillageOut], summary="村（社区）列表")
@paginate(CountResultsPagination)
def list_villages(request, township: str = ""):
    qs = VillagePage.objects.live().order_by("code")
    if township:
        found = find_township(township.strip())
        if found is None:
            return VillagePage.objects.none()
        qs = qs.descendant_of(found)
    return VillageRows(request, qs)


class VillageRows:
    """Lazy rows: only the requested page is turned into dicts (the township names come from
    one query for all 26 townships rather than one per village)."""

    def __init__(self, request, queryset):
        self.request = request
        self.queryset = queryset

    def count(self):
        return self.queryset.count()

    def __getitem__(self, item):
        names = {t.path: t.title for t in TownshipPage.objects.only("path", "title")}
        steplen = VillagePage.steplen
        return [
            {"code": v.code, "name": v.title, "township": names.get(v.path[:-steplen], ""),
             "url": self.request.build_absolute_uri(v.url)}
            for v in self.queryset[item]
        ]
