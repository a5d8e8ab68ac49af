"""A list view's audit event names every patient the list showed (security matrix T44),
so the auditor can answer "who has seen this patient's name?"."""

import pytest
from bs4 import BeautifulSoup

from screening import audit
from screening.models import AuditEvent
from tests.staff.test_queue import references

pytestmark = pytest.mark.django_db


def list_event():
    return AuditEvent.objects.filter(action=AuditEvent.Action.LIST).latest("id")


def named_in(event):
    return event.detail.partition(": ")[2].split()


def test_a_queue_view_names_every_patient_on_that_page_and_no_other(signed_in, submission_factory):
    for _ in range(30):
        submission_factory()
    client = signed_in("Clinician")
    on_page_two = references(client.get("/staff/", {"page": 2}))
    event = list_event()
    assert sorted(named_in(event)) == sorted(on_page_two)
    assert event.detail.startswith("page 2, 5 shown: ")


def test_the_patients_named_are_in_reference_order_so_the_log_does_not_show_who_is_flagged(
    signed_in, submission_factory
):
    for flags in ([], ["pregnancy"], [], ["allergy"], []):
        submission_factory(flags=flags)
    shown_in_queue = references(signed_in("Clinician").get("/staff/"))
    assert named_in(list_event()) == sorted(shown_in_queue)


def test_staff_without_health_access_are_recorded_with_the_patients_they_saw(
    signed_in, submission_factory
):
    submission = submission_factory(flags=["allergy"])
    signed_in("Reception").get("/staff/")
    assert named_in(list_event()) == [submission.reference]


def test_a_page_past_the_end_records_the_page_actually_shown(signed_in, submission_factory):
    made = submission_factory()
    signed_in("Clinician").get("/staff/", {"page": 99})
    assert list_event().detail == f"page 1, 1 shown: {made.reference}"


def test_an_empty_queue_view_is_still_recorded(signed_in):
    signed_in("Clinician").get("/staff/")
    assert list_event().detail == "page 1, 0 shown"


def test_the_auditor_finds_the_queue_views_that_showed_a_patient(signed_in, submission_factory):
    seen = submission_factory()
    signed_in("Clinician").get("/staff/")
    audit.record(AuditEvent.Action.LIST, detail=audit.list_detail(1, ["ZZZZ-9999"]))
    page = signed_in("Auditor").get("/staff/audit/", {"reference": seen.reference})
    table = page.content.decode().split("<tbody>")[1].split("</tbody>")[0]
    assert table.count("Viewed the queue") == 1
    assert "ZZZZ-9999" not in table


def test_an_admin_list_names_every_submission_it_showed(admin_client, submission_factory):
    made = sorted(submission_factory().reference for _ in range(3))
    admin_client.get("/admin/screening/submission/")
    assert list_event().detail == f"admin list, page 1, 3 shown: {' '.join(made)}"


def test_a_full_admin_page_of_references_fits_in_the_event():
    references = [f"AAAA-{n:04d}" for n in range(100)]
    event = audit.record(AuditEvent.Action.LIST, detail=audit.list_detail(99999, references))
    event.refresh_from_db()
    assert named_in(event) == references


def test_the_audit_log_shows_a_lists_patients_behind_a_disclosure_with_the_searched_one_marked(
    signed_in,
):
    audit.record(AuditEvent.Action.LIST, detail=audit.list_detail(3, ["BBBB-2222", "AAAA-1111"]))
    page = signed_in("Auditor").get("/staff/audit/", {"reference": "bbbb 2222"})
    cell = BeautifulSoup(page.content, "html.parser").select("tbody tr td")[-1]
    assert cell.contents[0].strip() == "page 3, 2 shown"
    assert cell.select_one("details summary").text == "Patients shown"
    assert [li.text for li in cell.select("details li")] == ["AAAA-1111", "BBBB-2222"]
    assert cell.select_one("mark").text == "BBBB-2222"
