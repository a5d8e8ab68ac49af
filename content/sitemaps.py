from django.contrib.sitemaps import Sitemap

from content.models import Topic


class TopicSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Topic.objects.published().in_reading_order()

    def lastmod(self, topic):
        return topic.updated_at
