from django.views.generic import TemplateView


class HomeView(TemplateView):
    template_name = "content/home.html"


class PrivacyView(TemplateView):
    template_name = "content/privacy.html"


class ContactView(TemplateView):
    template_name = "content/contact.html"


class TopicListView(TemplateView):
    template_name = "content/topic_list.html"
