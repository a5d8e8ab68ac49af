from django.urls import path

from staff import views

app_name = "staff"
urlpatterns = [
    path("", views.queue_list, name="queue"),
    path("login/", views.SignInView.as_view(), name="login"),
    path("two-factor/", views.two_factor, name="two-factor"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("export.csv", views.queue_export, name="export"),
    path("next/", views.next_to_review, name="next"),
    path("submissions/<str:reference>/", views.submission_detail, name="submission"),
    path("submissions/<str:reference>/print/", views.submission_print, name="submission-print"),
    path(
        "submissions/<str:reference>/emergency/",
        views.emergency_access,
        name="submission-emergency",
    ),
    path("still-here/", views.still_here, name="still-here"),
    path("audit/", views.audit_log, name="audit"),
    path("audit/export.csv", views.audit_export, name="audit-export"),
]
