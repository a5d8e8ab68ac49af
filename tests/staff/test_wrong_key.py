"""A stored value the server's keys cannot open: staff are told what to fix, not a 500."""

import pytest
from cryptography.fernet import Fernet

from screening.models import AuditEvent
from tests.staff.conftest import make_submission

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["/staff/", "/staff/submissions/{reference}/"])
def test_staff_pages_with_a_row_no_key_opens_say_what_to_fix_instead_of_a_500(
    settings, signed_in, caplog, page
):
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    submission = make_submission(flags=["allergy"])
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # the old one dropped
    client = signed_in("Clinician")
    response = client.get(page.format(reference=submission.reference))
    assert response.status_code == 503
    text = response.content.decode()
    assert "Some records cannot be opened" in text and "MESOINFO_FIELD_KEYS" in text
    assert response["X-Request-ID"] in text
    assert "screening_submission." in caplog.text and "Traceback" not in text


def test_an_export_with_a_row_no_key_opens_is_refused_before_anything_is_sent_or_audited(
    settings, signed_in
):
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    make_submission(flags=["allergy"])
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    response = signed_in("Clinician").get("/staff/export.csv")
    assert response.status_code == 503
    assert not AuditEvent.objects.filter(action="export").exists()
