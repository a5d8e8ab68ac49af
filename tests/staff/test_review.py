import uuid

import pytest

from screening.models import AuditEvent, Review
from tests.database import stored

pytestmark = pytest.mark.django_db


def test_clinician_records_a_decision_with_a_note(signed_in, submission_factory):
    submission = submission_factory(flags=["allergy"])
    client = signed_in("Clinician")
    response = client.post(
        submission.get_absolute_url(),
        {"decision": "discuss", "note": "Ask about the lidocaine reaction.", "version": 1},
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.status, submission.version) == ("discuss", 2)
    review = Review.objects.get()
    assert (review.kind, review.value, review.note) == (
        "decision", "discuss", "Ask about the lidocaine reaction."
    )  # fmt: skip
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "Review decision: Discuss at consult" in page
    assert "Ask about the lidocaine reaction." in page
    event = AuditEvent.objects.get(action="decision")
    assert event.detail == "discuss, with a note"  # that there is one, never its words


def test_second_staff_member_saving_an_old_version_is_told_and_keeps_their_words(
    signed_in, submission_factory
):
    submission = submission_factory()
    client = signed_in("Clinician")
    client.post(submission.get_absolute_url(), {"decision": "cleared", "version": 1})
    response = client.post(
        submission.get_absolute_url(),
        {"decision": "not_suitable", "note": "My careful note", "version": 1},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this submission" in html
    assert "My careful note" in html
    submission.refresh_from_db()
    assert submission.status == "cleared"


def test_a_decision_can_never_go_back_to_not_reviewed(signed_in, submission_factory):
    submission = submission_factory(status="cleared")
    response = signed_in("Clinician").post(
        submission.get_absolute_url(), {"decision": "new", "version": 1}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == "cleared"


def test_saving_the_same_decision_again_changes_nothing_and_says_so(signed_in, submission_factory):
    submission = submission_factory(status="cleared")
    client = signed_in("Clinician")
    response = client.post(submission.get_absolute_url(), {"decision": "cleared", "version": 1})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Nothing to save: those choices were already recorded." in page
    submission.refresh_from_db()
    assert (submission.version, submission.reviews.count()) == (1, 0)


def test_choices_already_recorded_do_not_stop_the_rest_saving(signed_in, submission_factory):
    # Every new submission is already "Expected": choosing it again with a decision and a
    # note used to refuse the whole save.
    submission = submission_factory()
    client = signed_in("Clinician")
    client.post(
        submission.get_absolute_url(),
        {"decision": "cleared", "attendance": "expected", "note": "Checked", "version": 1},
    )
    submission.refresh_from_db()
    assert submission.status == "cleared"
    assert [(r.kind, r.note) for r in submission.reviews.all()] == [("decision", "Checked")]


def test_a_note_with_two_changes_appears_once_in_the_history(signed_in, submission_factory):
    submission = submission_factory()
    signed_in("Clinician").post(
        submission.get_absolute_url(),
        {"decision": "cleared", "attendance": "attended", "note": "Seen", "version": 1},
    )
    notes = [r.note for r in submission.reviews.order_by("id")]
    assert notes == ["Seen", ""]


def test_the_form_shows_the_decision_and_attendance_already_recorded(
    signed_in, submission_factory
):
    submission = submission_factory(status="discuss")
    page = signed_in("Clinician").get(submission.get_absolute_url()).content.decode()
    assert 'value="discuss" checked' in page
    assert 'value="expected" checked' in page


def test_reception_records_attendance_but_cannot_record_a_decision(signed_in, submission_factory):
    submission = submission_factory()
    client = signed_in("Reception")
    client.post(submission.get_absolute_url(), {"decision": "cleared", "attendance": "attended",
                                                "version": 1})  # fmt: skip
    submission.refresh_from_db()
    assert (submission.status, submission.attendance) == ("new", "attended")


def test_an_empty_review_asks_for_a_decision_or_note(signed_in, submission_factory):
    submission = submission_factory()
    response = signed_in("Clinician").post(submission.get_absolute_url(), {"version": 1})
    assert "Choose a decision or write a note" in response.content.decode()


def test_every_view_decision_note_and_print_is_audited(signed_in, submission_factory):
    submission = submission_factory()
    client = signed_in("Clinician")
    url = submission.get_absolute_url()
    client.get(url)
    client.post(url, {"decision": "discuss", "version": 1})
    client.post(url, {"note": "Called the patient", "version": 2})
    client.get(url + "print/")
    actions = list(
        AuditEvent.objects.filter(reference=submission.reference)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["view", "decision", "note", "print"]
    event = AuditEvent.objects.get(action="note")
    assert event.actor_name.startswith("staff") and event.ip_address == "127.0.0.1"
    assert "Called" not in event.detail


def test_submission_page_shows_times_in_the_clinics_time_zone(signed_in, submission_factory):
    from datetime import UTC, datetime

    sent = datetime(2026, 7, 1, 11, 30, tzinfo=UTC)  # 12:30 in London (summer time)
    submission = submission_factory(created=sent)
    page = signed_in("Clinician").get(submission.get_absolute_url()).content.decode()
    assert "1 July 2026, 12:30" in page
    assert "11:30" not in page


def test_a_note_over_the_limit_is_refused_whole_and_kept_not_cut(signed_in, submission_factory):
    submission = submission_factory()
    note = "Long history of reactions." * 80 + "The end."  # 2,088 characters
    response = signed_in("Clinician").post(
        submission.get_absolute_url(), {"decision": "discuss", "note": note, "version": 1}
    )
    page = response.content.decode()
    assert "Shorten the note to 2,000 characters or fewer (it has 2,088)" in page
    assert note in page
    assert "maxlength" not in page
    assert not Review.objects.exists()


def test_staff_pages_and_printouts_leave_out_the_patient_website_disclaimer(
    signed_in, submission_factory
):
    submission = submission_factory()
    client = signed_in("Clinician")
    for url in [submission.get_absolute_url(), submission.get_absolute_url() + "print/"]:
        assert "This website gives general information" not in client.get(url).content.decode()
    assert "This website gives general information" in client.get("/").content.decode()


def test_a_staff_note_is_not_readable_in_the_database(signed_in, submission_factory):
    submission = submission_factory()
    note = f"ZZNOTE{uuid.uuid4().hex}"
    signed_in("Clinician").post(submission.get_absolute_url(), {"note": note, "version": 1})
    review = Review.objects.get(submission=submission, kind="note")
    assert note not in stored("screening_review", "note", review.pk)
    assert Review.objects.get(pk=review.pk).note == note
