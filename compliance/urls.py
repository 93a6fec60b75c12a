from django.urls import path

from .views import dashboards, disclosures, queue, records, supervision, todo

app_name = "compliance"

urlpatterns = [
    path("villages/<str:code>/", records.record_list, name="village"),
    path("villages/<str:code>/new/", records.kind_choice, name="new"),
    path("villages/<str:code>/new/<str:kind>/", records.record_form, name="new_kind"),
    path("villages/<str:code>/calendar.ics", dashboards.calendar_ics, name="calendar"),
    path("villages/<str:code>/supervision/", supervision.village_supervision, name="supervision"),
    path("villages/<str:code>/elevate/", supervision.elevate, name="elevate"),
    path("villages/<str:code>/elevate/end/", supervision.end_elevation, name="end_elevation"),
    path("villages/<str:code>/targets/", supervision.targets, name="targets"),
    path("r/<int:pk>/", records.record_detail, name="record"),
    path("r/<int:pk>/edit/", records.record_form, name="edit"),
    path("r/<int:pk>/review/", records.record_review, name="review"),
    path("r/<int:pk>/correct/", records.record_correct, name="correct"),
    path("files/<int:pk>/", records.attachment_file, name="file"),
    path("files/<int:pk>/thumb/", records.attachment_file, {"thumb": True}, name="thumb"),
    path("actions/<int:pk>/close/", supervision.close_action, name="close_action"),
    path("obligations/<int:pk>/na/", supervision.obligation_na, name="na"),
    path("townships/<str:code>/", dashboards.township_dashboard, name="township"),
    path("townships/<str:code>/queue/", queue.review_queue, name="review_queue"),
    path("townships/<str:code>/export.xlsx", dashboards.township_export, name="township_export"),
    path("disclosures/", disclosures.county_disclosures, name="disclosures"),
    path("my/", dashboards.my_entry, name="my"),
    path("todo/", todo.my_todo, name="todo"),
    path("county/", dashboards.county_dashboard, name="county"),
    path("county/export.xlsx", dashboards.county_export, name="county_export"),
    path("items/<str:code>/", dashboards.item_villages, name="item_villages"),
    path("articles/<int:regulation_id>/<str:anchor>/", dashboards.article_villages, name="article_villages"),
]
