import pytest

from screening import audit
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
    assert AuditEvent.objects.get(action="export").reference == wanted.reference


def test_export_audit_names_the_exported_references(signed_in, submission_factory):
    exported = [submission_factory(status="new"), submission_factory(status="new")]
    submission_factory(status="discuss")
    response = signed_in("Clinician").get("/staff/export.csv", {"status": "new"})
    b"".join(response.streaming_content)
    events = AuditEvent.objects.filter(action="export")
    assert sorted(e.reference for e in events) == sorted(s.reference for s in exported)
    assert {e.detail for e in events} == {"2 rows, status=new, consultation=any"}


def test_export_audit_leaves_out_the_searched_name_and_the_flag(signed_in, submission_factory):
    wanted = submission_factory(flags=["pregnancy"], name="Jo Searchable")
    client = signed_in("Clinician")
    filters = {"flag": "pregnancy", "consult": "none"}
    client.post("/staff/", {"q": "Searchable", **filters})  # the search is kept in the session
    response = client.get("/staff/export.csv", filters)
    assert wanted.reference in b"".join(response.streaming_content).decode()
    event = AuditEvent.objects.get(action="export")
    assert event.reference == wanted.reference
    assert event.detail == "1 rows, status=any, consultation=none"


def test_an_export_of_nothing_is_still_audited(signed_in):
    response = signed_in("Clinician").get("/staff/export.csv", {"status": "new"})
    b"".join(response.streaming_content)
    event = AuditEvent.objects.get(action="export")
    assert (event.reference, event.detail) == ("", "0 rows, status=new, consultation=any")


def test_a_submission_arriving_after_the_audit_is_not_in_the_file(
    signed_in, submission_factory, monkeypatch
):
    audited = submission_factory()
    record = audit.record

    def record_then_one_arrives(action, **kwargs):
        event = record(action, **kwargs)
        if action == AuditEvent.Action.EXPORT:
            submission_factory()
        return event

    monkeypatch.setattr(audit, "record", record_then_one_arrives)
    response = signed_in("Clinician").get("/staff/export.csv")
    body = b"".join(response.streaming_content).decode()
    assert body.count("\r\n") == 2
    assert audited.reference in body


def test_the_export_opens_in_a_spreadsheet_with_accented_names_intact(
    signed_in, submission_factory
):
    submission_factory(name="José Żółć")
    response = signed_in("Clinician").get("/staff/export.csv")
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeffReference,".encode())
    assert "José Żółć" in body.decode("utf-8-sig")
