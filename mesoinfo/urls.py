from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView
from django_otp.admin import OTPAdminSite

from content.sitemaps import PageSitemap, TopicSitemap
from content.views import RobotsView
from mesoinfo import views

urlpatterns = [
    path("", include("content.urls")),
    path("screening/", include("screening.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap, "topics": TopicSitemap}},
        name="sitemap",
    ),
    path("staff/", include("staff.urls")),
    # Staff sign in once, with their second factor, then reach the admin.
    path(
        "admin/login/",
        RedirectView.as_view(url="/staff/login/", query_string=True),
        name="admin-login",
    ),
    path("admin/", admin.site.urls),
]

# The admin shows health data: only staff who have passed their second factor get in.
admin.site.__class__ = OTPAdminSite
admin.site.site_header = "MesoInfo admin"
admin.site.site_title = "MesoInfo admin"
admin.site.index_title = "Topic pages, questionnaire wording, staff and clinic details"

handler400 = "mesoinfo.views.bad_request"
handler403 = "mesoinfo.views.permission_denied"
handler404 = "mesoinfo.views.page_not_found"
handler500 = "mesoinfo.views.server_error"
