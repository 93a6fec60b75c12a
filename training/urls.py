from django.urls import path

from .views import manager, trainee

app_name = "training"

urlpatterns = [
    path("quiz/<int:pk>/", trainee.quiz_view, name="quiz"),
    path("attempt/<int:pk>/", trainee.attempt_view, name="attempt"),
    path("attempt/<int:pk>/result/", trainee.result_view, name="result"),
    path("signin/", trainee.signin_view, name="signin"),
    path("read/<int:pk>/", trainee.read_view, name="read"),
    path("me/", trainee.me_view, name="me"),
    path("sessions/<int:pk>/", manager.session_view, name="session"),
    path("sessions/<int:pk>/code/", manager.code_view, name="code"),
    path("progress/", manager.progress_view, name="progress"),
    path("review/", manager.review_view, name="review"),
    path("questions/<int:pk>/confirm/", manager.confirm_view, name="confirm"),
    path("certificates/<str:code>/pdf/", manager.certificate_pdf, name="certificate_pdf"),
    path("verify/", manager.verify_view, name="verify"),
]
