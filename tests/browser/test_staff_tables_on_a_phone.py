"""A nurse on a phone reads every column of the queue and of the audit log without
scrolling sideways: each row is a card whose cells are labelled with their column's
name. On a desk both are still tables with their headers on one line."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from screening.models import Contraindication
from tests.browser.conftest import DESKTOP, PHONE, share_session
from tests.conftest import verified_login
from tests.staff.conftest import make_submission

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def queue():
    """Two flagged submissions (one with two of the longest flag names) and two without,
    one of them with a name pasted without spaces. Gives the flag names by code."""
    names = dict(Contraindication.objects.values_list("code", "name"))
    for codes, consult_in in [(["pregnancy", "skin_infection"], 1), (["weight_loss_goal"], 9)]:
        submission = make_submission(flags=codes, consult_in=consult_in)
        submission.flags = [{**flag, "name": names[flag["code"]]} for flag in submission.flags]
        submission.save()
    make_submission(consult_in=4, status="cleared")
    make_submission(name="jo.patient.from.the.booking.form@" + "x" * 40)
    return names


@pytest.fixture
def clinician_page(page, live_server, django_user_model):
    user = django_user_model.objects.create_user("nurse.jo")
    user.groups.set(Group.objects.filter(name__in=["Clinician", "Auditor"]))
    share_session(verified_login(Client(), user), page, live_server)
    return page


def cells_in_column(page, header):
    headers = page.locator("thead th").all_inner_texts()
    return page.locator(f"tbody tr td:nth-child({headers.index(header) + 1})").all()


def off_the_screen(page, columns):
    """For each column, the texts of its cells that a phone does not show whole."""

    def shown(cell):
        box = cell.bounding_box()
        return box["width"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]

    return {
        column: [cell.inner_text() for cell in cells_in_column(page, column) if not shown(cell)]
        for column in columns
    }


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_a_phone_shows_each_rows_flags_status_and_consultation_without_scrolling_sideways(
    clinician_page, check_page, queue
):
    page = clinician_page
    page.goto("/staff/")
    assert [cell.inner_text() for cell in cells_in_column(page, "Flags")] == [
        f"{queue['pregnancy']} {queue['skin_infection']}",
        queue["weight_loss_goal"],
        "None",
        "None",
    ]
    columns = ["Flags", "Status", "Consultation", "Name"]
    assert off_the_screen(page, columns) == dict.fromkeys(columns, [])
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
    check_page(page)


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_a_phone_shows_every_column_of_the_audit_log_without_scrolling_sideways(
    clinician_page, check_page, queue
):
    page = clinician_page
    page.goto("/staff/")  # so the log holds a list of the patients shown
    page.goto("/staff/audit/")
    columns = ["When (UTC)", "Who", "What", "Submission", "From", "Detail"]
    assert off_the_screen(page, columns) == dict.fromkeys(columns, [])
    check_page(page)


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
@pytest.mark.parametrize("path", ["/staff/", "/staff/audit/"])
def test_on_a_phone_each_cell_is_labelled_with_its_columns_header(clinician_page, queue, path):
    page = clinician_page
    page.goto(path)
    headers = page.locator("thead th").evaluate_all("cells => cells.map(c => c.textContent)")
    labels = page.locator("tbody tr").evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.dataset.label))"
    )
    assert labels == [headers] * len(labels)


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"])
@pytest.mark.parametrize("path", ["/staff/", "/staff/audit/"])
def test_on_a_desk_the_queue_and_audit_log_keep_their_columns_under_one_header_row(
    clinician_page, queue, path
):
    page = clinician_page
    page.goto(path)
    headers = page.locator("thead th").all()
    first_row = page.locator("tbody tr").first.locator("td").all()
    assert len({th.bounding_box()["y"] for th in headers}) == 1
    assert len({td.bounding_box()["y"] for td in first_row}) == 1
