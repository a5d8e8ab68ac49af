"""The queue's search (a patient's name or reference) is sent by POST and kept in the
session: it never appears in an address, a link, a redirect or the export's link."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from screening.models import AuditEvent, Submission
from staff.forms import QueueFilterForm
from tests.conftest import verified_login
from tests.staff.test_queue import references, search

pytestmark = pytest.mark.django_db
SENTINEL = "Sentinelname"


def addresses_holding(text, response):
    """Every address the client went through, and every attribute on the page (links,
    form actions, hidden values...) except the search box itself, that holds `text`."""
    found = [url for url, _status in response.redirect_chain if text.lower() in url.lower()]
    page = BeautifulSoup(response.content, "html.parser")
    for tag in page.find_all(True):
        for name, value in tag.attrs.items():
            if (tag.get("name"), name) == ("q", "value"):  # the search box, the export's copy
                continue
            values = value if isinstance(value, list) else [value]
            found += [f"<{tag.name} {name}={v!r}>" for v in values if text.lower() in v.lower()]
    return found


def submit(client, form):
    """Send a form from the page as a browser would: its inputs, to its action."""
    fields = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    return client.post(form["action"], fields, follow=True)


def test_a_search_by_name_finds_the_patient_and_no_address_or_link_holds_the_name(
    signed_in, submission_factory
):
    wanted = submission_factory(name=f"Zed {SENTINEL}", flags=["anticoagulants"])
    submission_factory(name="Zed Other", flags=["anticoagulants"])
    submission_factory(name=f"Amy {SENTINEL}")  # not flagged: the flag filter still applies
    response = search(signed_in("Clinician"), f"zed {SENTINEL}", flag="anticoagulants")
    assert references(response) == [wanted.reference]
    assert response.redirect_chain == [("/staff/?flag=anticoagulants", 303)]
    assert addresses_holding(SENTINEL, response) == []
    assert f"Showing results for “<strong>zed {SENTINEL}</strong>”" in response.content.decode()


def test_the_queue_filter_form_is_sent_by_post_with_a_csrf_token(signed_in):
    page = BeautifulSoup(signed_in("Clinician").get("/staff/").content, "html.parser")
    form = page.select_one("form.filters")
    assert form["method"] == "post"
    assert form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    assert form.select_one("#id_q")["autocomplete"] == "off"


def test_the_search_stays_on_every_page_of_the_results(signed_in, submission_factory):
    for _ in range(30):
        submission_factory(name=f"Pat {SENTINEL}")
    submission_factory(name="Someone Else")
    client = signed_in("Clinician")
    first = search(client, SENTINEL)
    next_link = BeautifulSoup(first.content, "html.parser").select_one("a[rel=next]")
    assert next_link["href"] == "?page=2"
    second = client.get("/staff/" + next_link["href"])
    assert len(references(second)) == 5
    assert "Someone Else" not in second.content.decode()


def export_from(client, page):
    """Press "Download these as CSV" on a queue page, as a browser would."""
    button = page.find("button", string="Download these as CSV")
    form = page.find("form", id=button["form"])
    fields = {i["name"]: i.get("value", "") for i in form.select("input[name]")}
    return b"".join(client.post(form["action"], fields).streaming_content).decode()


def test_the_csv_export_after_a_search_holds_only_the_matching_rows(signed_in, submission_factory):
    wanted = submission_factory(name=f"Zed {SENTINEL}", flags=["pregnancy"])
    other = submission_factory(name="Zed Other", flags=["pregnancy"])
    client = signed_in("Clinician")
    page = BeautifulSoup(search(client, SENTINEL, flag="pregnancy").content, "html.parser")
    assert page.find("form", id="export-queue")["method"] == "post"
    body = export_from(client, page)
    assert wanted.reference in body and other.reference not in body
    event = AuditEvent.objects.get(action="export")
    assert event.reference == wanted.reference and SENTINEL not in event.detail


def test_the_export_holds_this_pages_search_even_after_another_tab_searched(
    signed_in, submission_factory
):
    wanted = submission_factory(name=f"Zed {SENTINEL}")
    elsewhere = submission_factory(name="Amy Elsewhere")
    client = signed_in("Clinician")
    page = BeautifulSoup(search(client, SENTINEL).content, "html.parser")
    search(client, "Elsewhere")  # the same person, in another tab
    body = export_from(client, page)
    assert wanted.reference in body and elsewhere.reference not in body


def test_a_status_count_shows_that_status_alone_and_forgets_the_search(
    signed_in, submission_factory
):
    submission_factory(name=f"Zed {SENTINEL}")
    submission_factory(name="Amy Other")
    client = signed_in("Clinician")
    page = BeautifulSoup(search(client, SENTINEL).content, "html.parser")
    button = page.find("button", attrs={"name": "status", "value": "new"})
    form = page.find("form", id=button["form"])
    fields = {i["name"]: i["value"] for i in form.select("input[name]")} | {"status": "new"}
    response = client.post(form["action"], fields, follow=True)
    assert response.redirect_chain == [("/staff/?status=new", 303)]
    assert "<strong>2</strong>" in button.decode_contents()
    assert len(references(response)) == 2


def test_an_empty_post_clears_every_filter_with_a_redirect(signed_in):
    response = signed_in("Clinician").post("/staff/", {})
    assert (response.status_code, response["Location"]) == (303, "/staff/")


def test_clear_search_forgets_the_search_and_keeps_the_other_filters(
    signed_in, submission_factory
):
    wanted = submission_factory(name=f"Zed {SENTINEL}")
    other = submission_factory(name="Zed Other")
    submission_factory(status="cleared")
    client = signed_in("Clinician")
    page = BeautifulSoup(search(client, SENTINEL, status="new").content, "html.parser")
    clear = page.find("button", string="Clear search").find_parent("form")
    response = submit(client, clear)
    assert response.redirect_chain == [("/staff/?status=new", 303)]
    assert sorted(references(response)) == sorted([wanted.reference, other.reference])
    assert "Showing results for" not in response.content.decode()
    assert QueueFilterForm.SEARCH_KEY not in client.session


def test_clear_filters_forgets_the_search_and_every_filter(signed_in, submission_factory):
    submission_factory(name=f"Zed {SENTINEL}")
    submission_factory(status="cleared")
    client = signed_in("Clinician")
    page = BeautifulSoup(search(client, SENTINEL, status="new").content, "html.parser")
    button = page.find("button", string="Clear filters")
    response = submit(client, page.find("form", id=button["form"]))
    assert response.redirect_chain == [("/staff/", 303)]
    assert len(references(response)) == 2


def test_an_old_address_with_a_search_is_not_searched_and_loses_the_search(
    signed_in, submission_factory
):
    submission_factory(name=f"Zed {SENTINEL}", flags=["anticoagulants"])
    submission_factory(name="Zed Other", flags=["anticoagulants"])
    client = signed_in("Clinician")
    response = client.get(f"/staff/?q=Zed+{SENTINEL}&flag=anticoagulants&page=2", follow=True)
    assert response.redirect_chain == [("/staff/?flag=anticoagulants", 303)]
    assert len(references(response)) == 2
    assert "Type the search into “Reference or name” again" in response.content.decode()
    assert addresses_holding(SENTINEL, response) == []
    assert QueueFilterForm.SEARCH_KEY not in client.session


def test_an_old_address_with_an_empty_search_keeps_its_filters_without_a_message(signed_in):
    response = signed_in("Clinician").get("/staff/?q=&status=new", follow=True)
    assert response.redirect_chain == [("/staff/?status=new", 303)]
    assert "no longer kept" not in response.content.decode()


def test_an_old_export_address_with_a_search_goes_to_the_queue_and_exports_nothing(
    signed_in, submission_factory
):
    submission_factory(name=f"Zed {SENTINEL}")
    response = signed_in("Clinician").get(f"/staff/export.csv?q={SENTINEL}&status=new")
    assert (response.status_code, response["Location"]) == (303, "/staff/?status=new")
    assert not AuditEvent.objects.filter(action="export").exists()


def test_an_invalid_search_is_not_remembered(signed_in, submission_factory):
    submission_factory(name=f"Zed {SENTINEL}")
    submission_factory(name="Zed Other")
    client = signed_in("Clinician")
    search(client, SENTINEL)
    refused = client.post("/staff/", {"q": "y" * 101})
    assert refused.status_code == 200 and "Showing results for" not in refused.content.decode()
    assert len(references(client.get("/staff/"))) == 2


def test_signing_out_forgets_the_search(client, staff_user, submission_factory):
    submission_factory(name=f"Zed {SENTINEL}")
    submission_factory(name="Zed Other")
    user = staff_user("Clinician")
    search(verified_login(client, user), SENTINEL)
    client.post("/staff/logout/")
    assert QueueFilterForm.SEARCH_KEY not in client.session
    page = verified_login(client, user).get("/staff/")
    assert len(references(page)) == 2
    assert "Showing results for" not in page.content.decode()


def test_a_remembered_search_adds_no_queries(signed_in, submission_factory):
    for n in range(30):
        submission_factory(name=f"Pat {SENTINEL}" if n % 2 else "Someone Else")
    client = signed_in("Clinician")
    client.get("/staff/")  # remembers the user, their permissions and the clinic
    counted = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/staff/?status=new").status_code == 200
        counted.append(len(captured))
        search(client, SENTINEL, status="new")
    assert counted[0] == counted[1]


# Names as reception staff type them while a patient spells theirs on the phone: plain
# letters, an apostrophe or a hyphen left out or heard as a space.


@pytest.mark.parametrize(
    ("name", "typed"),
    [("Zoë O'Brien", "zoe"), ("José Álvarez", "jose alvarez"), ("Anna Müller", "MULLER")],
)
def test_searching_without_accents_finds_an_accented_name(
    signed_in, submission_factory, name, typed
):
    wanted = submission_factory(name=name)
    submission_factory(name="Sam Other")
    assert references(search(signed_in("Reception"), typed)) == [wanted.reference]


def test_searching_with_accents_finds_a_name_stored_without_them(signed_in, submission_factory):
    wanted = submission_factory(name="Zoe Brown")
    submission_factory(name="Sam Other")
    assert references(search(signed_in("Reception"), "Zoë")) == [wanted.reference]


@pytest.mark.parametrize("typed", ["oconnor", "o connor", "Siobhan OConnor"])
def test_searching_without_the_apostrophe_or_with_a_space_for_it_finds_the_name(
    signed_in, submission_factory, typed
):
    wanted = submission_factory(name="Siobhan O'Connor")
    submission_factory(name="Sam Connors")
    assert references(search(signed_in("Reception"), typed)) == [wanted.reference]


@pytest.mark.parametrize(
    ("name", "typed"),
    [("Siobhan O\u2019Connor", "o'connor"), ("Siobhan O'Connor", "o\u2019connor")],
)
def test_a_curly_apostrophe_and_a_straight_one_find_each_other(
    signed_in, submission_factory, name, typed
):
    wanted = submission_factory(name=name)
    assert references(search(signed_in("Reception"), typed)) == [wanted.reference]


@pytest.mark.parametrize(
    ("name", "typed"),
    [("Amy Smith-Jones", "smith jones"), ("Amy Smith-Jones", "smithjones"),
     ("Amy Smith Jones", "smith-jones"), ("Mary Ann Lee", "maryann"),
     ("Ravi De La Cruz", "delacruz"),
     # Letters with a stroke or joined, as an English keyboard types them.
     ("Søren Ødegaard", "soren odegaard"), ("Łukasz Wałęsa", "lukasz walesa"),
     ("Erik Weiß", "weiss"), ("Æsa Bjørk", "aesa bjork")],
)  # fmt: skip
def test_a_name_is_found_whatever_hyphens_spaces_and_letter_forms_are_typed(
    signed_in, submission_factory, name, typed
):
    wanted = submission_factory(name=name)
    submission_factory(name="Sam Other")
    assert references(search(signed_in("Reception"), typed)) == [wanted.reference]


@pytest.mark.parametrize("update_fields", [None, ["full_name"]])
def test_a_corrected_name_is_found_by_its_new_spelling_and_not_its_old_one(
    signed_in, submission_factory, update_fields
):
    submission = submission_factory(name="Zoe Smith")
    submission.full_name = "Zoë O\u2019Brien"
    submission.save(update_fields=update_fields)
    client = signed_in("Reception")
    assert references(search(client, "zoe obrien")) == [submission.reference]
    assert references(search(client, "smith")) == []


def test_made_up_submissions_are_found_by_name_like_real_ones(signed_in):
    call_command("seed_submissions", "3", "--fake-data-ok", stdout=io.StringIO())
    made = Submission.objects.order_by("pk").first()
    typed = made.full_name.replace(" ", "").lower()
    assert made.reference in references(search(signed_in("Reception"), typed))
