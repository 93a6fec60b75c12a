from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.optional import import_optional

from .api import api

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
]

# App URLs that are not pages (search, compliance forms, exports) mount here when present.
for prefix, module in [("search/", "search.urls"), ("records/", "compliance.urls"),
                       ("training/", "training.urls")]:
    if import_optional(module) is not None:
        urlpatterns.append(path(prefix, include(module)))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
