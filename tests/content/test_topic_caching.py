import pytest
from django.core.management import call_command

from content.models import Topic

pytestmark = pytest.mark.django_db


def test_topic_page_answers_a_conditional_request_with_304(client, make_topic):
    topic = make_topic()
    first = client.get(topic.get_absolute_url())
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(topic.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get(topic.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_editing_a_topic_clears_the_cached_page_and_changes_its_etag(client, make_topic):
    topic = make_topic(summary="Old words.")
    first = client.get(topic.get_absolute_url())
    topic.summary = "New words."
    topic.save()
    after = client.get(topic.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200
    assert b"New words." in after.content


def test_editing_the_clinic_details_clears_cached_pages(client, make_topic):
    from content.models import Clinic

    topic = make_topic()
    client.get(topic.get_absolute_url())
    clinic = Clinic.load()
    clinic.name = "Renamed Clinic"
    clinic.save()
    assert b"Renamed Clinic" in client.get(topic.get_absolute_url()).content


def test_cached_topic_page_needs_no_database_queries(
    client, make_topic, django_assert_num_queries
):
    topic = make_topic()
    client.get(topic.get_absolute_url())
    with django_assert_num_queries(0):
        assert client.get(topic.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_index_and_topic_queries_do_not_grow_with_the_number_of_topics(
    client, make_topic, django_assert_num_queries, count
):
    topics = [make_topic() for _ in range(count)]
    topics[0].related.set(topics[1:])
    from django.core.cache import cache

    cache.clear()
    with django_assert_num_queries(2):  # clinic details, topics
        client.get("/topics/")
    with django_assert_num_queries(2):  # topic, its related topics (clinic now cached)
        client.get(topics[0].get_absolute_url())


def test_revalidation_of_an_unchanged_page_needs_no_session_or_database(
    client, make_topic, django_assert_num_queries
):
    topic = make_topic()
    etag = client.get(topic.get_absolute_url())["ETag"]
    with django_assert_num_queries(0):
        response = client.get(topic.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert "Set-Cookie" not in response


def test_home_page_is_cached_and_cleared_when_the_clinic_changes(client):
    from content.models import Clinic

    first = client.get("/")
    clinic = Clinic.load()
    clinic.name = "A New Name Clinic"
    clinic.save()
    again = client.get("/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert b"A New Name Clinic" in again.content


def test_an_edit_in_another_worker_reaches_this_one_within_a_second(client, make_topic):
    from django.core.cache import cache

    from content import caching

    topic = make_topic(summary="Before.")
    client.get(topic.get_absolute_url())
    # Another process edits the topic: the shared version moves; this process has not seen it.
    type(topic).objects.filter(pk=topic.pk).update(summary="After.")
    cache.set(caching.VERSION_KEY, caching.content_version() + 5, None)
    caching._seen_version.at -= 1.0
    assert b"After." in client.get(topic.get_absolute_url()).content


def test_a_topic_reworded_by_a_migration_is_shown_after_migrating(client, make_topic):
    topic = make_topic(summary="Old words.")
    client.get(topic.get_absolute_url())
    Topic.objects.filter(pk=topic.pk).update(summary="New words.")  # as a data migration does
    assert b"Old words." in client.get(topic.get_absolute_url()).content
    call_command("migrate", verbosity=0)
    assert b"New words." in client.get(topic.get_absolute_url()).content


@pytest.mark.parametrize("method", ["options", "post", "put", "delete"])
@pytest.mark.parametrize("url", ["/", "/topics/", "/topics/aftercare/"])
def test_a_method_other_than_get_on_a_cached_page_is_answered_not_an_error(
    client, make_topic, method, url
):
    make_topic(slug="aftercare")
    response = getattr(client, method)(url)
    assert response.status_code in (200, 405)
    assert response.status_code == 200 or "GET" in response["Allow"]
