"""Every payload through every free-text field, on every page that shows it: none runs."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from screening.models import Submission
from tests.conftest import verified_login
from tests.patients import all_no_answers
from tests.security.figures import count
from tests.security.xss_payloads import DANGEROUS_TAGS, PAYLOADS

pytestmark = pytest.mark.django_db


def injected(html):
    """Elements or event handlers the payload managed to create."""
    soup = BeautifulSoup(html, "html.parser")
    handlers = [
        (tag.name, attr) for tag in soup.find_all(True) for attr in tag.attrs
        if attr.lower().startswith("on")
    ]  # fmt: skip
    return handlers + [t.name for t in soup.find("main").find_all(DANGEROUS_TAGS) if not ours(t)]


def ours(tag):
    """The admin's own scripts: files from this site, or JSON data blocks."""
    return tag.name == "script" and (
        tag.get("src", "").startswith(("/static/", "/admin/"))
        or tag.get("type") == "application/json"
    )


def test_the_corpus_has_at_least_30_payloads():
    assert len(PAYLOADS) >= 30


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_text_field_is_shown_as_text_everywhere(
    payload, complete_questionnaire, client, admin_user
):
    answers = all_no_answers(blood_thinners="yes", blood_thinners_details=payload,
                             medicines=payload, allergy_details=payload)  # fmt: skip
    complete_questionnaire(answers, contact={"full_name": payload[:150]})
    submission = Submission.objects.get()
    staff = verified_login(Client(), admin_user)
    staff.post(submission.get_absolute_url(), {"note": payload, "version": 1})
    pages = {
        "result": client.get("/screening/your-result/"),
        "result print": client.get("/screening/your-result/print/"),
        "queue": staff.get("/staff/"),
        "submission": staff.get(submission.get_absolute_url()),
        "print": staff.get(submission.get_absolute_url() + "print/"),
        "admin": staff.get(f"/admin/screening/submission/{submission.pk}/change/"),
        "audit": staff.get("/staff/audit/"),
    }
    count("xss payloads", 1)
    for name, response in pages.items():
        count("xss page renders checked")
        html = response.content.decode()
        assert response.status_code == 200, name
        assert injected(html) == [], name
        if "<" in payload:
            assert payload not in html, name
    export = b"".join(staff.get("/staff/export.csv").streaming_content).decode()
    assert all(
        not cell.startswith(("=", "+", "-", "@"))
        for line in export.splitlines()
        for cell in line.split(",")
    )


@pytest.mark.parametrize("payload", PAYLOADS[:10])
def test_payload_on_the_check_answers_page_is_shown_as_text(payload, client):
    client.get("/screening/about-you/")
    from tests.patients import CONTACT, consult_date_fields

    client.post("/screening/about-you/", {**CONTACT, **consult_date_fields(),
                                          "full_name": payload})  # fmt: skip
    for step in ["treatment", "medicines", "skin-and-immunity", "other-conditions"]:
        client.post(f"/screening/{step}/", all_no_answers(medicines=payload))
    html = client.get("/screening/check-your-answers/").content.decode()
    assert injected(html) == []
    assert payload not in html
