import getpass
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from screening.models import AuditEvent, RaisedFlag, Review, Submission
from tests.patients import all_no_answers

pytestmark = pytest.mark.django_db


def aged(submission_factory, days):
    return submission_factory(
        flags=["allergy"], created=timezone.now() - timedelta(days=days), name=f"Aged {days}"
    )


def test_purge_deletes_only_expired_submissions_with_their_history(
    submission_factory, capsys, django_user_model
):
    keep = aged(submission_factory, 89)
    old = aged(submission_factory, 91)
    Review.objects.create(submission=old, kind="note", note="x")
    call_command("purge_submissions", "--days", "90", "--dry-run")
    assert "1 submission(s) would be deleted" in capsys.readouterr().out
    assert Submission.objects.count() == 2

    call_command("purge_submissions", "--days", "90")
    assert list(Submission.objects.all()) == [keep]
    assert not Review.objects.exists()
    assert list(RaisedFlag.objects.values_list("submission", flat=True)) == [keep.pk]
    event = AuditEvent.objects.get(action="purge")
    assert event.reference == old.reference
    assert "Aged" not in event.detail

    call_command("purge_submissions", "--days", "90")
    assert "Deleted 0 submission(s)" in capsys.readouterr().out


def test_purge_keeps_a_submission_until_the_retention_period_after_its_consultation(
    submission_factory,
):
    sent_long_ago = timezone.now() - timedelta(days=200)
    booked_ahead = submission_factory(consult_in=5, created=sent_long_ago)
    seen_lately = submission_factory(consult_in=-89, created=sent_long_ago)
    seen_long_ago = submission_factory(consult_in=-91, created=sent_long_ago)
    call_command("purge_submissions", "--days", "90", stdout=StringIO())
    assert set(Submission.objects.all()) == {booked_ahead, seen_lately}
    assert AuditEvent.objects.get(action="purge").reference == seen_long_ago.reference


@pytest.mark.parametrize("days", ["0", "-5"])
def test_purge_refuses_a_retention_period_under_a_day(submission_factory, days):
    submission_factory()
    with pytest.raises(CommandError, match="at least 1"):
        call_command("purge_submissions", "--days", days)
    assert Submission.objects.count() == 1


def test_erasing_one_submission_on_request(submission_factory):
    gone, kept = submission_factory(), submission_factory()
    call_command("erase_submission", gone.reference.lower())
    assert list(Submission.objects.all()) == [kept]
    assert AuditEvent.objects.get(action="erase").reference == gone.reference


def test_erasing_from_the_command_line_names_who_ran_it(submission_factory):
    gone = submission_factory()
    call_command("erase_submission", gone.reference)
    event = AuditEvent.objects.get(action="erase")
    assert event.detail.startswith(f"on request (command line, {getpass.getuser()}@")


def test_erasing_an_unknown_reference_says_so():
    with pytest.raises(CommandError, match="No submission"):
        call_command("erase_submission", "NONE-XXXX")


def test_a_flagged_submission_emails_the_clinic_without_health_details(
    complete_questionnaire, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete_questionnaire(all_no_answers(pregnant="yes", medicines="ZZSECRET"))
    submission = Submission.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert submission.reference in message.subject + message.body
    assert f"/staff/submissions/{submission.reference}/" in message.body
    text = (message.subject + message.body).lower()
    assert "pregnan" not in text and "zzsecret" not in text and "jo patient" not in text


def test_a_submission_without_flags_sends_no_email(
    complete_questionnaire, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete_questionnaire()
    assert mail.outbox == []


def test_purge_removes_abandoned_questionnaires_kept_in_session_files(
    settings, tmp_path, monkeypatch
):
    import time

    from django.core.cache import caches

    settings.CACHES = {**settings.CACHES, "sessions": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(tmp_path)}}  # fmt: skip
    store = caches["sessions"]
    store.set("abandoned", {"screening": {"medicines": "warfarin"}}, 60)
    store.set("in-progress", {"screening": {}}, 3 * 60 * 60)
    later = time.time() + 2 * 60 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    out = StringIO()
    call_command("purge_submissions", stdout=out)
    assert "Removed 1 expired session file(s)" in out.getvalue()
    assert len(list(tmp_path.glob("*.djcache"))) == 1
    assert store.get("in-progress") is not None
