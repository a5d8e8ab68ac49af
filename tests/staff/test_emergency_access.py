"""Emergency ("break-glass") access to health answers (security matrix T25)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission

from screening.models import AuditEvent
from staff import emergency
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db
Action = AuditEvent.Action
HEALTH_QUESTION = "Are you pregnant?"  # the question every factory submission holds


@pytest.fixture
def submission(submission_factory):
    return submission_factory(flags=["pregnancy"])


def open_with_reason(client, submission, reason="Dr Lee asked by phone; patient unwell"):
    return client.post(f"{submission.get_absolute_url()}emergency/", {"reason": reason})


def test_reception_sees_no_answers_but_can_ask_for_emergency_access(signed_in, submission):
    page = signed_in("Reception").get(submission.get_absolute_url()).text
    assert HEALTH_QUESTION not in page
    assert "Health answers in an emergency" in page


def test_emergency_access_with_a_reason_shows_the_answers_and_audits_every_view(
    signed_in, submission
):
    reception = signed_in("Reception")
    response = open_with_reason(reception, submission)
    assert response.status_code == 302
    for _ in range(2):
        page = reception.get(submission.get_absolute_url()).text
        assert HEALTH_QUESTION in page
        assert "Emergency access." in page
        assert "Print view" not in page
    opened = AuditEvent.objects.get(action=Action.EMERGENCY_ACCESS)
    assert opened.detail == "reason: Dr Lee asked by phone; patient unwell"
    views = AuditEvent.objects.filter(
        reference=submission.reference, action__in=[Action.VIEW, Action.EMERGENCY_VIEW]
    )
    assert [e.emergency for e in views] == [True, True]


def test_a_missing_reason_is_explained_and_opens_nothing(signed_in, submission):
    reception = signed_in("Reception")
    response = open_with_reason(reception, submission, reason="   ")
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.text.startswith("Error: ")
    summary = soup.select_one(".govuk-error-summary a")
    assert summary["href"] == "#id_reason"
    assert summary.text == "Say why you need the health answers now"
    assert soup.select_one("#id_reason") is not None
    assert not AuditEvent.objects.filter(action=Action.EMERGENCY_ACCESS).exists()
    assert HEALTH_QUESTION not in reception.get(submission.get_absolute_url()).text


def test_a_too_long_reason_keeps_what_was_typed(signed_in, submission):
    typed = "x" * 201
    response = open_with_reason(signed_in("Reception"), submission, reason=typed)
    assert response.status_code == 400
    assert (
        BeautifulSoup(response.content, "html.parser").select_one("#id_reason")["value"] == typed
    )


def test_emergency_access_ends_after_its_time(signed_in, submission, monkeypatch):
    reception = signed_in("Reception")
    open_with_reason(reception, submission)
    later = emergency.time.time() + emergency.MINUTES * 60 + 1
    monkeypatch.setattr(emergency.time, "time", lambda: later)
    assert HEALTH_QUESTION not in reception.get(submission.get_absolute_url()).text


def test_emergency_access_opens_only_that_submission(signed_in, submission, submission_factory):
    other = submission_factory(flags=["allergy"])
    reception = signed_in("Reception")
    open_with_reason(reception, submission)
    assert HEALTH_QUESTION not in reception.get(other.get_absolute_url()).text


def test_clinicians_views_are_ordinary_and_they_see_no_emergency_form(signed_in, submission):
    page = signed_in("Clinician").get(submission.get_absolute_url()).text
    assert "Health answers in an emergency" not in page
    assert AuditEvent.objects.get(reference=submission.reference).action == Action.VIEW


def test_staff_without_the_permission_cannot_open_it(signed_in, submission):
    response = open_with_reason(signed_in("Auditor"), submission)
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action=Action.EMERGENCY_ACCESS).exists()


def test_removing_emergency_access_ends_an_open_grant(signed_in, submission):
    reception = signed_in("Reception")
    open_with_reason(reception, submission)
    role = Group.objects.get(name="Reception")
    permission = Permission.objects.get(codename="emergency_access")
    role.permissions.remove(permission)
    assert HEALTH_QUESTION not in reception.get(submission.get_absolute_url()).text
    role.permissions.add(permission)  # given back within the 15 minutes: still ended
    assert HEALTH_QUESTION not in reception.get(submission.get_absolute_url()).text


def test_removing_a_persons_own_emergency_access_ends_their_open_grant(
    client, staff_user, submission
):
    person = staff_user()
    person.user_permissions.set(
        Permission.objects.filter(codename__in=["view_queue", "emergency_access"])
    )
    signed_in = verified_login(client, person)
    open_with_reason(signed_in, submission)
    assert HEALTH_QUESTION in signed_in.get(submission.get_absolute_url()).text
    person.user_permissions.remove(Permission.objects.get(codename="emergency_access"))
    assert HEALTH_QUESTION not in signed_in.get(submission.get_absolute_url()).text


def test_the_longest_reason_allowed_is_kept_whole_in_the_audit_log(signed_in, submission):
    reception = signed_in("Reception")
    reason = "R" * 189 + "Z"
    too_long = open_with_reason(reception, submission, reason + "!")
    assert "Keep the reason to 190 characters or fewer" in too_long.text
    assert open_with_reason(reception, submission, reason).status_code == 302
    assert AuditEvent.objects.get(action=Action.EMERGENCY_ACCESS).detail == f"reason: {reason}"
