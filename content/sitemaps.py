from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from content.models import Topic


class TopicSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Topic.objects.published().in_reading_order()

    def lastmod(self, topic):
        return topic.updated_at


class PageSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["content:home", "content:topic-list", "content:contact", "content:privacy"]

    def location(self, name):
        return reverse(name)
