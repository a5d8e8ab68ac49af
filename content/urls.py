from django.urls import path

from content import views

app_name = "content"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("topics/", views.TopicListView.as_view(), name="topic-list"),
]
