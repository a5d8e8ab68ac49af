import pytest
from django.core.management import call_command

from content.models import Topic

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def starter_topics():
    call_command("load_starter_content", verbosity=0)


def test_topics_index_is_accessible_and_valid(page, check_page, starter_topics):
    page.goto("/topics/")
    assert page.locator(".topic-list li").count() == Topic.objects.count()
    check_page(page)


@pytest.mark.parametrize("slug", ["who-should-not-have-it", "faq"])
def test_topic_page_is_accessible_and_valid(page, check_page, starter_topics, slug):
    page.goto(f"/topics/{slug}/")
    assert page.locator("nav.contents a").count() >= 2
    check_page(page)


def test_contents_link_jumps_to_its_section(page, starter_topics):
    page.goto("/topics/who-should-not-have-it/")
    page.get_by_role("link", name="Pregnancy").first.click()
    assert page.url.endswith("#pregnancy")


def test_search_results_are_accessible_and_valid(page, check_page, starter_topics):
    page.goto("/topics/")
    page.get_by_label("Search the topics").fill("sauna")
    page.get_by_role("button", name="Search").click()
    assert "found for" in page.get_by_role("status").inner_text()
    check_page(page)


def test_staff_draft_preview_is_accessible_and_valid(
    page, check_page, starter_topics, sign_in, admin_user
):
    Topic.objects.filter(slug="aftercare").update(status=Topic.Status.DRAFT)
    sign_in(page, admin_user)
    page.goto("/topics/aftercare/")
    assert "Draft" in page.locator(".banner").inner_text()
    check_page(page)
