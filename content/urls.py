from django.urls import path

from content import views

app_name = "content"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("topics/", views.TopicListView.as_view(), name="topic-list"),
    path("topics/search/", views.TopicSearchView.as_view(), name="topic-search"),
    path("topics/<slug:slug>/", views.TopicDetailView.as_view(), name="topic-detail"),
]
