import pytest

from screening.models import AuditEvent
from staff.exports import neutralise

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_cells_that_a_spreadsheet_would_run_are_neutralised(value):
    assert neutralise(value).startswith("'")


def test_ordinary_cells_are_left_as_they_are():
    assert neutralise("Jo Patient") == "Jo Patient"


def test_export_follows_the_queue_filter_and_is_audited(signed_in, submission_factory):
    wanted = submission_factory(flags=["pregnancy"], name="=cmd|' /C calc'!A0")
    submission_factory()
    response = signed_in("Clinician").get("/staff/export.csv", {"flag": "pregnancy"})
    body = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert body.count("\r\n") == 2
    assert wanted.reference in body
    assert "'=cmd" in body
    assert AuditEvent.objects.get(action="export").detail == "1 rows"
