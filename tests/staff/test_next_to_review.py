"""A clinician who has reviewed a submission goes on to the next one waiting, in queue
order: flagged first, then the soonest consultations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import verified_login
from tests.staff.conftest import add_submissions

pytestmark = pytest.mark.django_db


def next_after(client, submission):
    return client.get(f"/staff/next/?after={submission.reference}")


def test_next_goes_to_the_first_flagged_submission_still_waiting(signed_in, submission_factory):
    current = submission_factory(flags=["pregnancy"])
    submission_factory(flags=["allergy"], status="cleared")
    submission_factory()  # waiting, but not flagged
    waiting_flagged = submission_factory(flags=["allergy"])
    client = signed_in("Clinician")

    response = next_after(client, current)

    assert response.status_code == 302
    assert response["Location"] == waiting_flagged.get_absolute_url()


def test_next_after_saving_a_decision_leaves_the_reviewed_one_behind(
    signed_in, submission_factory
):
    first = submission_factory(flags=["pregnancy"])
    unflagged = submission_factory()
    client = signed_in("Clinician")
    client.post(first.get_absolute_url(), {"decision": "discuss", "version": 1})

    response = client.get("/staff/next/")

    assert response["Location"] == unflagged.get_absolute_url()


def test_next_skips_the_submission_open_now_even_when_it_is_first(signed_in, submission_factory):
    current = submission_factory(flags=["pregnancy"], consult_in=1)
    later = submission_factory(flags=["pregnancy"], consult_in=5)
    client = signed_in("Clinician")

    assert next_after(client, current)["Location"] == later.get_absolute_url()
    assert next_after(client, later)["Location"] == current.get_absolute_url()


def test_with_nothing_else_waiting_the_clinician_is_told_and_sent_to_the_queue(
    signed_in, submission_factory
):
    only = submission_factory(flags=["pregnancy"])
    submission_factory(status="cleared")
    client = signed_in("Clinician")

    response = next_after(client, only)

    assert response["Location"] == "/staff/"
    queue = client.get("/staff/").content.decode()
    assert "No other submissions are waiting for review." in queue


def test_the_submission_page_links_a_clinician_to_the_next_one(signed_in, submission_factory):
    submission = submission_factory()
    page = signed_in("Clinician").get(submission.get_absolute_url()).content.decode()
    assert f'href="/staff/next/?after={submission.reference}"' in page
    assert "Next waiting for review" in page


def test_reception_who_do_not_review_get_no_next_link_and_are_refused(
    signed_in, submission_factory
):
    submission = submission_factory(flags=["pregnancy"])
    submission_factory(flags=["allergy"])
    client = signed_in("Reception")

    assert (
        "Next waiting for review" not in client.get(submission.get_absolute_url()).content.decode()
    )
    assert next_after(client, submission).status_code == 403


def test_next_is_a_link_that_changes_nothing(signed_in, submission_factory):
    submission = submission_factory(flags=["pregnancy"])
    client = signed_in("Clinician")
    assert client.post(f"/staff/next/?after={submission.reference}").status_code == 405


@pytest.mark.parametrize("count", [10, 1000])
def test_next_reads_the_same_queries_at_any_size(client, staff_user, count):
    submission = add_submissions(count)
    client = verified_login(client, staff_user("Clinician"))
    client.get("/staff/")  # remembers the user, their permissions and the clinic
    with CaptureQueriesContext(connection) as captured:
        response = next_after(client, submission)
    assert response.status_code == 302
    assert len(captured) == 1  # the first two waiting, in queue order
