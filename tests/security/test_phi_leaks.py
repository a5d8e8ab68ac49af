"""Unique markers typed into every field never reach logs, error emails or URLs."""

import logging
import uuid

import pytest
from django.core import mail
from django.test import Client

from screening.models import Submission
from tests.conftest import verified_login
from tests.patients import CONTACT, all_no_answers, consult_date_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def markers():
    return {field: f"ZZPHI{field.upper()}{uuid.uuid4().hex[:8]}" for field in
            ["name", "email", "medicines", "allergy", "details", "note"]}  # fmt: skip


def leaks(markers, *texts):
    return [(m, t[:80]) for m in markers.values() for t in texts if m in t]


def test_markers_never_reach_logs_error_emails_or_urls(
    markers, complete_questionnaire, client, admin_user, caplog, settings
):
    settings.ADMINS = [("Clinic admin", "admin@clinic.example")]
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.security.urls_with_error"
    caplog.set_level(logging.DEBUG)
    urls = []

    # A validation error first, then the real submission.
    bad = client.post("/screening/about-you/", {**CONTACT, "full_name": markers["name"],
                                                "email": markers["email"]})  # fmt: skip
    assert bad.status_code == 200
    answers = all_no_answers(
        medicines=markers["medicines"],
        allergy_details=markers["allergy"],
        blood_thinners="yes",
        blood_thinners_details=markers["details"],
    )
    done = complete_questionnaire(
        answers, contact={"full_name": markers["name"], "email": f"{markers['email']}@x.example"}
    )
    urls.append(done["Location"])
    submission = Submission.objects.get()

    # Staff read it, note it, export it.
    staff = verified_login(Client(), admin_user)
    for url in ["/staff/", submission.get_absolute_url()]:
        response = staff.get(url)
        urls += [url, *(response.get("Location", ""),)]
    searched = staff.post("/staff/", {"q": markers["name"]}, follow=True)
    assert submission.reference in searched.content.decode()
    urls += [url for url, _status in searched.redirect_chain]
    staff.post(submission.get_absolute_url(), {"note": markers["note"], "version": 1})
    b"".join(staff.get("/staff/export.csv").streaming_content)

    # And a server error while handling what a patient typed.
    failing = Client(raise_request_exception=False)
    response = failing.post("/test-failure/", {"medicines": markers["medicines"],
                                               "name": markers["name"]})  # fmt: skip
    assert response.status_code == 500
    assert "Traceback" not in response.content.decode()
    assert response["X-Request-ID"] in response.content.decode()

    log_text = "\n".join(
        record.getMessage() + (caplog.text if record.exc_info else "") for record in caplog.records
    )
    mails = "\n".join(m.subject + m.body + str(m.alternatives) for m in mail.outbox)
    assert any("Internal Server Error" in m.subject for m in mail.outbox)
    assert leaks(markers, log_text, mails, "\n".join(urls)) == []
    assert submission.full_name == markers["name"]


def test_no_form_that_carries_health_data_uses_get(client):
    from bs4 import BeautifulSoup

    client.get("/screening/about-you/")
    for step in ["about-you", "treatment", "medicines", "skin-and-immunity", "other-conditions"]:
        forms = BeautifulSoup(client.get(f"/screening/{step}/").content, "html.parser")
        assert [f.get("method") for f in forms.select("main form")] == ["post"], step


def test_validation_error_response_keeps_marker_only_in_the_form(client, markers):
    response = client.post(
        "/screening/about-you/", {**consult_date_fields(), "full_name": markers["name"]}
    )
    assert markers["name"] in response.content.decode()
    assert "Location" not in response
