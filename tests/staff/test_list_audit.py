"""A list view's audit event names every patient the list showed (security matrix T44),
so the auditor can answer "who has seen this patient's name?"."""

import pytest
from bs4 import BeautifulSoup

from screening import audit
from screening.models import AuditEvent
from tests.staff.conftest import add_submissions
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


@pytest.mark.parametrize("part", ["A", "page", "shown", "1"])
def test_part_of_a_reference_or_of_a_detail_does_not_find_list_views(signed_in, part):
    audit.record(AuditEvent.Action.LIST, detail=AuditEvent.list_detail(["ACDE-3479"], 1))
    page = signed_in("Auditor").get("/staff/audit/", {"reference": part})
    assert "Viewed the queue" not in page.content.decode().split("<tbody>")[1]


def test_the_auditor_finds_the_queue_views_that_showed_a_patient(signed_in, submission_factory):
    seen = submission_factory()
    signed_in("Clinician").get("/staff/")
    audit.record(AuditEvent.Action.LIST, detail=AuditEvent.list_detail(["ZZZZ-9999"], 1))
    page = signed_in("Auditor").get("/staff/audit/", {"reference": seen.reference})
    table = page.content.decode().split("<tbody>")[1].split("</tbody>")[0]
    assert table.count("Viewed the queue") == 1
    assert "ZZZZ-9999" not in table


def test_an_admin_list_names_every_submission_it_showed(admin_client, submission_factory):
    made = sorted(submission_factory().reference for _ in range(3))
    admin_client.get("/admin/screening/submission/")
    assert list_event().detail == f"admin list, every row, 3 shown: {' '.join(made)}"


@pytest.mark.parametrize("address", [{"p": 99}, {"all": ""}])
def test_an_admin_list_that_fits_one_page_is_recorded_as_every_row(
    admin_client, submission_factory, address
):
    made = submission_factory()
    admin_client.get("/admin/screening/submission/", address)
    assert list_event().detail == f"admin list, every row, 1 shown: {made.reference}"


def test_show_all_in_the_admin_never_shows_more_than_the_event_can_name(admin_client):
    add_submissions(150)
    admin_client.get("/admin/screening/submission/", {"all": ""})
    assert list_event().detail.startswith("admin list, page 1, 100 shown: ")
    assert len(named_in(list_event())) == 100


def test_a_full_admin_page_of_references_fits_in_the_event():
    references = [f"AAAA-{n:04d}" for n in range(100)]
    event = audit.record(AuditEvent.Action.LIST, detail=AuditEvent.list_detail(references, 99999))
    event.refresh_from_db()
    assert named_in(event) == references


def test_the_audit_log_shows_a_lists_patients_behind_a_disclosure_with_the_searched_one_marked(
    signed_in,
):
    audit.record(
        AuditEvent.Action.LIST, detail=AuditEvent.list_detail(["FGHJ-7943", "ACDE-3479"], 3)
    )
    page = signed_in("Auditor").get("/staff/audit/", {"reference": "fghj 7943"})
    cell = BeautifulSoup(page.content, "html.parser").select("tbody tr td")[-1]
    assert cell.contents[0].strip() == "page 3, 2 shown"
    assert cell.select_one("details summary").text == "Patients shown"
    assert [li.text for li in cell.select("details li")] == ["ACDE-3479", "FGHJ-7943"]
    assert cell.select_one("mark").text == "FGHJ-7943"
