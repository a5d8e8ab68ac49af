"""A clinician signs in, sets up their second factor, reviews a patient's answers and
finds their own actions in the audit log: in headless Chromium."""

import base64
import re

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp

from screening.models import AuditEvent
from tests.patients import all_no_answers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "correct horse battery 9"


@pytest.fixture
def clinician(django_user_model):
    user = django_user_model.objects.create_user("nurse.jo", password=PASSWORD)
    user.groups.set(Group.objects.filter(name__in=["Clinician", "Auditor"]))
    return user


@pytest.fixture
def patient_submission(complete_questionnaire):
    complete_questionnaire(all_no_answers(pregnant="not_sure", medicines="Warfarin 3mg"))
    from screening.models import Submission

    return Submission.objects.get()


def code_from_secret(secret):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key):06d}"


def test_clinician_signs_in_enrols_reviews_and_sees_the_audit(
    page, check_page, clinician, patient_submission
):
    page.goto("/staff/")
    assert "/staff/login/" in page.url
    check_page(page)
    page.get_by_label("Username").fill("nurse.jo")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url(re.compile(r"/staff/two-factor/"))
    assert page.locator(".qr__image svg").count() == 1
    check_page(page)
    secret = page.locator(".secret").inner_text()
    page.get_by_label("Security code").fill(code_from_secret(secret))
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url(re.compile(r"/staff/$"))
    check_page(page)
    order = page.locator(".queue__order").bounding_box()  # read whole, even on a phone
    assert order["x"] + order["width"] <= page.viewport_size["width"]
    page.get_by_label("Reference or name").fill(patient_submission.reference)
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"/staff/$"))  # the search is sent by POST, not in the address
    assert "Showing results for" in page.locator("main").inner_text()
    check_page(page)
    page.get_by_role("link", name=patient_submission.reference).click()

    page.wait_for_url(re.compile(r"/staff/submissions/"))
    assert "Pregnancy" in page.locator(".flags").inner_text()
    assert "Medicines or supplements that thin the blood" in page.locator(".flags").inner_text()
    check_page(page)
    page.get_by_label("Discuss at consult").check()
    page.get_by_label("Note").fill("Check the warfarin dose with her GP.")
    page.get_by_role("button", name="Save").click()
    assert "Review decision: Discuss at consult" in page.locator(".history").inner_text()
    check_page(page)
    page.get_by_role("link", name="Next waiting for review").click()
    page.wait_for_url(re.compile(r"/staff/$"))  # hers was the only one
    assert "No other submissions are waiting for review." in page.locator("main").inner_text()

    page.get_by_role("link", name="Audit log").click()
    page.wait_for_url(re.compile(r"/staff/audit/$"))  # and its stylesheet loaded
    check_page(page)
    table = page.locator("table").inner_text()
    assert "Recorded a decision" in table and "Viewed a submission" in table
    assert AuditEvent.objects.filter(actor_name="nurse.jo", action="decision").count() == 1
