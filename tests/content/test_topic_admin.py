from datetime import date, timedelta

import pytest
from django.test import Client

from content.models import Topic

pytestmark = pytest.mark.django_db


def topic_form(topic, **changes):
    data = {
        "title": topic.title,
        "slug": topic.slug,
        "summary": topic.summary,
        "body": topic.body,
        "status": topic.status,
        "position": topic.position,
        "sources": topic.sources,
        "last_reviewed": topic.last_reviewed.isoformat(),
        "next_review_due": topic.next_review_due.isoformat(),
        "reviewer_name": topic.reviewer_name,
        "reviewer_role": topic.reviewer_role,
    }
    data.update(changes)
    return data


def test_overdue_filter_shows_only_pages_past_their_review_date(staff_client, make_topic):
    make_topic(title="Stale page", next_review_due=date.today() - timedelta(days=1),
               last_reviewed=date.today() - timedelta(days=400))  # fmt: skip
    make_topic(title="Fresh page")
    html = staff_client.get("/admin/content/topic/", {"review": "overdue"}).content.decode()
    assert "Stale page" in html
    assert "Fresh page" not in html


def test_slug_clash_in_the_admin_is_a_form_error_not_a_crash(staff_client, make_topic):
    existing, other = make_topic(slug="aftercare"), make_topic()
    response = staff_client.post(
        f"/admin/content/topic/{other.pk}/change/", topic_form(other, slug=existing.slug)
    )
    assert response.status_code == 200
    assert "Topic with this Slug already exists." in response.content.decode()


def test_saving_shows_the_reading_level_and_warns_when_it_misses_the_target(
    staff_client, make_topic
):
    topic = make_topic()
    hard = (
        "Pharmacological intervention necessitates comprehensive multidisciplinary "
        "consideration of contraindications, particularly immunosuppressive conditions."
    )
    response = staff_client.post(
        f"/admin/content/topic/{topic.pk}/change/", topic_form(topic, body=hard), follow=True
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("misses the target" in m for m in messages)


def test_every_edit_is_kept_as_a_revision_with_who_made_it(staff_client, make_topic):
    topic = make_topic(summary="Original summary.")
    staff_client.post(
        f"/admin/content/topic/{topic.pk}/change/", topic_form(topic, summary="Edited summary.")
    )
    latest = topic.history.first()
    assert latest.summary == "Edited summary."
    assert latest.history_user.username == "editor"
    assert topic.history.count() == 2


def test_an_earlier_revision_can_be_restored_from_the_admin(staff_client, make_topic):
    topic = make_topic(summary="Original summary.")
    staff_client.post(
        f"/admin/content/topic/{topic.pk}/change/", topic_form(topic, summary="Bad edit.")
    )
    original = topic.history.last()
    url = f"/admin/content/topic/{topic.pk}/history/{original.history_id}/"
    assert staff_client.get(url).status_code == 200
    staff_client.post(url, topic_form(topic, summary="Original summary."))
    topic.refresh_from_db()
    assert topic.summary == "Original summary."
    assert topic.history.count() == 3


def test_admin_list_has_a_preview_link_for_each_page(staff_client, make_topic):
    topic = make_topic(status=Topic.Status.DRAFT)
    html = staff_client.get("/admin/content/topic/").content.decode()
    assert f'href="{topic.get_absolute_url()}">Preview' in html


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"status": "draft"}, "stay published"), ({"slug": "who-cannot"}, "keep the address")],
)
def test_the_page_results_link_to_for_every_flag_stays_published_at_its_address(
    staff_client, make_topic, changes, message
):
    topic = make_topic(slug="who-should-not-have-it")
    url = f"/admin/content/topic/{topic.pk}/change/"
    response = staff_client.post(url, topic_form(topic, **changes))
    assert message in response.content.decode()
    assert Client().get("/topics/who-should-not-have-it/").status_code == 200


def test_the_page_results_link_to_cannot_be_deleted(staff_client, make_topic):
    topic = make_topic(slug="who-should-not-have-it")
    staff_client.post(f"/admin/content/topic/{topic.pk}/delete/", {"post": "yes"})
    staff_client.post(
        "/admin/content/topic/",
        {"action": "delete_selected", "_selected_action": [topic.pk], "post": "yes"},
    )
    assert Topic.objects.filter(pk=topic.pk).exists()


def test_other_pages_can_still_be_unpublished(staff_client, make_topic):
    topic = make_topic(slug="aftercare")
    staff_client.post(
        f"/admin/content/topic/{topic.pk}/change/", topic_form(topic, status="draft")
    )
    topic.refresh_from_db()
    assert topic.status == "draft"


def test_a_page_cannot_be_related_to_itself(staff_client, make_topic):
    topic, other = make_topic(), make_topic()
    form = topic_form(topic, related=[topic.pk, other.pk])
    response = staff_client.post(f"/admin/content/topic/{topic.pk}/change/", form)
    assert "A page cannot be related to itself." in response.content.decode()
    assert not topic.related.exists()


def test_the_related_pages_box_says_links_go_both_ways(staff_client, make_topic):
    topic = make_topic()
    page = staff_client.get(f"/admin/content/topic/{topic.pk}/change/").content.decode()
    assert "Links go both ways" in page


@pytest.mark.parametrize("phone", ["call us", "12345", "0800 FLOWERS"])
def test_a_clinic_phone_that_cannot_be_dialled_is_refused(staff_client, phone):
    from content.models import Clinic

    clinic = Clinic.objects.get()
    form = {"name": clinic.name, "phone": phone, "email": clinic.email,
            "address": clinic.address, "opening_hours": clinic.opening_hours}  # fmt: skip
    response = staff_client.post(f"/admin/content/clinic/{clinic.pk}/change/", form)
    assert "Enter the phone number in digits" in response.content.decode()


def test_the_starter_clinic_details_pass_the_admins_checks(db):
    from content.models import Clinic

    Clinic.objects.get().full_clean()
    Clinic(name="x", phone="+44 (0)20 7946-0000", email="a@b.example", address="x").full_clean()


def test_saving_warns_about_markdown_that_patients_will_not_see_as_written(
    staff_client, make_topic
):
    topic = make_topic()
    body = "# Big title\n\nWords.\n\n![A photo](https://example.com/p.jpg)\n\n## Fine heading\n"
    response = staff_client.post(
        f"/admin/content/topic/{topic.pk}/change/", topic_form(topic, body=body), follow=True
    )
    messages = [str(m) for m in response.context["messages"]]
    assert "not shown to patients as written: images, “#” headings (use ## or ###)." in (
        " ".join(messages)
    )


def test_plain_markdown_gets_no_such_warning(staff_client, make_topic):
    topic = make_topic()
    response = staff_client.post(
        f"/admin/content/topic/{topic.pk}/change/", topic_form(topic), follow=True
    )
    assert not any("not shown to patients" in str(m) for m in response.context["messages"])
