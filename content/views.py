import json

from django.conf import settings
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView, TemplateView

from content.caching import cached_public_page
from content.models import Topic

JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@method_decorator(cached_public_page, name="dispatch")
class HomeView(TemplateView):
    template_name = "content/home.html"


class PrivacyView(TemplateView):
    template_name = "content/privacy.html"
    extra_context = {"retention_days": settings.SCREENING_RETENTION_DAYS}


class ContactView(TemplateView):
    template_name = "content/contact.html"


class RobotsView(TemplateView):
    template_name = "content/robots.txt"
    content_type = "text/plain"


@method_decorator(cached_public_page, name="dispatch")
class TopicListView(ListView):
    queryset = Topic.objects.published().in_reading_order().only("title", "slug", "summary")
    extra_context = {"nav": "topics"}


@method_decorator(cached_public_page, name="dispatch")
class TopicDetailView(DetailView):
    extra_context = {"nav": "topics"}

    def get_queryset(self):
        topics = Topic.objects.all() if self.request.user.is_staff else Topic.objects.published()
        return topics.prefetch_related("related")

    def get_context_data(self, **kwargs):
        topic = self.object
        return super().get_context_data(
            rendered=topic.rendered(),
            related_topics=[t for t in topic.related.all() if t.is_published],
            canonical_url=settings.MESOINFO_SITE_URL + topic.get_absolute_url(),
            json_ld=self.json_ld(topic),
            **kwargs,
        )

    def json_ld(self, topic):
        data = {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": topic.title,
            "description": topic.summary,
            "url": settings.MESOINFO_SITE_URL + topic.get_absolute_url(),
            "lastReviewed": topic.last_reviewed.isoformat(),
            "reviewedBy": {"@type": "Person", "name": topic.reviewer_name},
            "about": {"@type": "MedicalTherapy", "name": "Mesotherapy"},
            "audience": {"@type": "Patient"},
        }
        # Safe: <, > and & are escaped, so the JSON cannot close its script element.
        return mark_safe(json.dumps(data).translate(JSON_SCRIPT_ESCAPES))  # noqa: S308  # nosec B308 B703


def clean_query(typed):
    """What was typed, with any kind of space (tab, non-breaking) as a plain space and
    other control characters dropped: they never help a search, and PostgreSQL refuses
    NUL outright."""
    kept = (" " if c.isspace() else c for c in typed if c.isspace() or c.isprintable())
    return "".join(kept).strip()[:100]


class TopicSearchView(ListView):
    template_name = "content/topic_search.html"
    extra_context = {"nav": "topics"}

    def get_queryset(self):
        typed = self.request.GET.get("q", "")
        self.query = clean_query(typed)
        return Topic.objects.published().search(self.query).in_reading_order()

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)
