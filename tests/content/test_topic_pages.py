from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from content.models import Topic

pytestmark = pytest.mark.django_db


def test_topics_index_lists_published_pages_in_reading_order_with_summaries(client, make_topic):
    make_topic(title="Second", position=2)
    make_topic(title="First", position=1, summary="Read me first.")
    make_topic(title="Hidden draft", status=Topic.Status.DRAFT)
    html = client.get("/topics/").content.decode()
    assert html.index("First") < html.index("Second")
    assert "Read me first." in html
    assert "Hidden draft" not in html


def test_topic_page_has_contents_list_with_anchors_and_review_details(client, make_topic):
    topic = make_topic(last_reviewed=date(2026, 3, 2), next_review_due=date(2027, 3, 2))
    soup = BeautifulSoup(client.get(topic.get_absolute_url()).content, "html.parser")
    contents = [a["href"] for a in soup.select("nav.contents a")]
    assert contents == ["#first-part", "#second-part"]
    assert soup.find(id="first-part").name == "h2"
    text = soup.get_text(" ", strip=True)
    assert "Page last reviewed: 2 March 2026" in text
    assert "Next review due: 2 March 2027" in text
    assert "Reviewed by Dr Ada Example, Clinical lead" in text
    assert soup.select_one('a[href="/screening/"]') is not None


def test_topic_page_carries_canonical_link_open_graph_and_medical_json_ld(client, make_topic):
    topic = make_topic(title="Aftercare </script><b>")
    soup = BeautifulSoup(client.get(topic.get_absolute_url()).content, "html.parser")
    assert soup.select_one('link[rel="canonical"]')["href"].endswith(topic.get_absolute_url())
    assert soup.select_one('meta[property="og:title"]')["content"] == topic.title
    json_ld = soup.select_one('script[type="application/ld+json"]').string
    assert '"@type": "MedicalWebPage"' in json_ld
    assert "</script>" not in json_ld


def test_related_topics_are_linked_at_the_end(client, make_topic):
    topic, other = make_topic(), make_topic(title="Side effects")
    topic.related.add(other)
    soup = BeautifulSoup(client.get(topic.get_absolute_url()).content, "html.parser")
    assert [a.text for a in soup.select("nav.related a")] == ["Side effects"]


def test_draft_topic_is_not_found_for_the_public(client, make_topic):
    topic = make_topic(status=Topic.Status.DRAFT)
    response = client.get(topic.get_absolute_url())
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_staff_can_preview_a_draft_with_a_visible_draft_banner(staff_client, make_topic):
    topic = make_topic(status=Topic.Status.DRAFT)
    response = staff_client.get(topic.get_absolute_url())
    assert response.status_code == 200
    assert b"Draft: only clinic staff can see this page" in response.content


def test_unknown_topic_gives_the_friendly_404(client):
    response = client.get("/topics/no-such-topic/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_search_finds_published_topics_by_word_on_any_database(client, make_topic):
    make_topic(title="Aftercare", body="Avoid the sauna for a few days.")
    make_topic(title="Sauna draft", body="sauna", status=Topic.Status.DRAFT)
    make_topic(title="Fillers", body="Volume.")
    soup = BeautifulSoup(client.get("/topics/search/", {"q": "SAUNA"}).content, "html.parser")
    assert [a.text for a in soup.select(".topic-list h2 a")] == ["Aftercare"]
    assert "1 page found" in soup.get_text()


def test_search_with_control_characters_still_searches(client, make_topic):
    # A NUL reached PostgreSQL and gave a 500 (found by the fuzz tests).
    make_topic(title="Aftercare", body="Avoid the sauna for a few days.")
    response = client.get("/topics/search/", {"q": "sau\x00na\x1b"})
    assert response.status_code == 200
    assert "1 page found" in BeautifulSoup(response.content, "html.parser").get_text()


def test_search_treats_tabs_and_non_breaking_spaces_as_spaces(client, make_topic):
    make_topic(title="Aftercare", body="Avoid the sauna for a few days.")
    response = client.get("/topics/search/", {"q": "few\tdays sauna\xa0avoid"})
    assert "1 page found" in BeautifulSoup(response.content, "html.parser").get_text()


def test_empty_search_shows_only_the_form(client):
    response = client.get("/topics/search/", {"q": "   "})
    assert response.status_code == 200
    assert b"found for" not in response.content


def test_sitemap_lists_published_topics_only(client, make_topic):
    published, draft = make_topic(), make_topic(status=Topic.Status.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    assert published.get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_staff_areas_out(client):
    # The questionnaire's pages hold nothing personal until a patient's own session does.
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /staff/" in text and "Disallow: /admin/" in text
    assert "/screening/" not in text


def test_next_review_before_last_review_is_refused(make_topic):
    from django.core.exceptions import ValidationError

    topic = make_topic()
    topic.next_review_due = topic.last_reviewed - timedelta(days=1)
    with pytest.raises(ValidationError):
        topic.full_clean()


def test_privacy_notice_says_who_is_responsible_how_to_withdraw_and_where_to_complain(client):
    text = BeautifulSoup(client.get("/privacy/").content, "html.parser").get_text(" ", strip=True)
    for promise in [
        "is responsible for your information",
        "take back your agreement at any time",
        "You can still have a consultation",
        "a few small cookies",
        "no advertising or tracking cookies",
        "Information Commissioner\u2019s Office",
        "after your consultation, whichever is later",
    ]:
        assert promise in text
