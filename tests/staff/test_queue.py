import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from screening import limits
from screening.models import AuditEvent

pytestmark = pytest.mark.django_db


def references(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [a.text for a in page.select("table.queue tbody td:first-child a")]


def search(client, text, **filters):
    """Send the queue's filter form, as a browser does, and follow it to the queue."""
    return client.post("/staff/", {"q": text, **filters}, follow=True)


def test_unreviewed_flagged_come_first_then_soonest_consultation(signed_in, submission_factory):
    later = submission_factory(consult_in=20)
    soon = submission_factory(consult_in=1)
    unbooked = submission_factory()
    flagged_late = submission_factory(flags=["allergy"], consult_in=30)
    flagged_reviewed = submission_factory(flags=["allergy"], consult_in=0, status="cleared")
    response = signed_in("Clinician").get("/staff/")
    assert references(response) == [
        flagged_late.reference,
        flagged_reviewed.reference,
        soon.reference,
        later.reference,
        unbooked.reference,
    ]


def test_consultations_to_come_are_listed_before_ones_whose_date_has_passed(
    signed_in, submission_factory
):
    made = {
        "flagged, 3 days ago": submission_factory(flags=["allergy"], consult_in=-3),
        "flagged, in 5 days": submission_factory(flags=["allergy"], consult_in=5),
        "flagged, not booked": submission_factory(flags=["allergy"]),
        "a year ago": submission_factory(consult_in=-365),
        "yesterday": submission_factory(consult_in=-1),
        "today": submission_factory(consult_in=0),
    }
    expected = [
        "flagged, in 5 days",
        "flagged, not booked",
        "flagged, 3 days ago",
        "today",
        "yesterday",
        "a year ago",
    ]
    for role, filters in [("Clinician", {}), ("Clinician", {"status": "new"})]:
        response = signed_in(role).get("/staff/", filters)
        assert references(response) == [made[name].reference for name in expected]
    booking = ["today", "flagged, in 5 days", "flagged, not booked", "yesterday",
               "flagged, 3 days ago", "a year ago"]  # fmt: skip
    response = signed_in("Reception").get("/staff/")
    assert references(response) == [made[name].reference for name in booking]


def test_reception_sees_the_queue_by_consultation_date_so_the_order_shows_no_flags(
    signed_in, submission_factory
):
    flagged_late = submission_factory(flags=["pregnancy"], consult_in=30)
    soon = submission_factory(consult_in=1)
    client = signed_in("Reception")
    response = client.get("/staff/")
    assert references(response) == [soon.reference, flagged_late.reference]
    assert "flagged first" not in response.content.decode()
    filtered = client.get("/staff/", {"status": "new"})  # the two-step page read
    assert references(filtered) == [soon.reference, flagged_late.reference]


def test_reception_reads_a_decision_as_reviewed_so_it_tells_them_nothing_of_health(
    signed_in, submission_factory
):
    unsuitable = submission_factory(flags=["pregnancy"], status="not_suitable")
    cleared = submission_factory(status="cleared")
    more_info = submission_factory(status="more_info")
    new = submission_factory()
    client = signed_in("Reception")
    page = client.get("/staff/").content.decode()
    assert "Not suitable" not in page and "Cleared for consult" not in page
    assert "Reviewed: <strong>2</strong>" in page
    assert "Needs more information: <strong>1</strong>" in page
    reviewed = client.get("/staff/", {"status": "reviewed"})
    assert set(references(reviewed)) == {unsuitable.reference, cleared.reference}
    assert references(client.get("/staff/", {"status": "more_info"})) == [more_info.reference]
    refused = client.get("/staff/", {"status": "not_suitable"})
    assert set(references(refused)) == {s.reference for s in (unsuitable, cleared, more_info, new)}
    assert "Select a valid choice" in refused.content.decode()
    detail = client.get(unsuitable.get_absolute_url()).content.decode()
    assert "Reviewed ·" in detail and "Not suitable" not in detail


def test_a_clinician_reads_each_decision(signed_in, submission_factory):
    unsuitable = submission_factory(flags=["pregnancy"], status="not_suitable")
    client = signed_in("Clinician")
    assert "Not suitable: <strong>1</strong>" in client.get("/staff/").content.decode()
    assert "Not suitable ·" in client.get(unsuitable.get_absolute_url()).content.decode()


def test_consult_within_two_days_and_not_reviewed_is_marked(signed_in, submission_factory):
    submission_factory(consult_in=2)
    submission_factory(consult_in=2, status="cleared")
    submission_factory(consult_in=-30)  # a consultation a month ago is not "within 2 days"
    submission_factory(consult_in=3)
    html = signed_in("Clinician").get("/staff/").content.decode()
    assert html.count("Within 2 days, not reviewed") == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "cleared"}, ["cleared"]),
        ({"flag": "pregnancy"}, ["pregnant"]),
        ({"consult": "none"}, ["unbooked"]),
        ({"consult": "soon"}, ["pregnant"]),
        ({"q": "Unbooked"}, ["unbooked"]),
    ],
)
def test_queue_filters_and_search(signed_in, submission_factory, query, expected):
    made = {
        "cleared": submission_factory(status="cleared", consult_in=10),
        "pregnant": submission_factory(flags=["pregnancy"], consult_in=1),
        "unbooked": submission_factory(name="Una Unbooked"),
    }
    response = signed_in("Clinician").post("/staff/", query, follow=True)
    assert references(response) == [made[key].reference for key in expected]


def test_search_by_reference_code(signed_in, submission_factory):
    wanted = submission_factory()
    submission_factory()
    response = search(signed_in("Clinician"), wanted.reference.lower())
    assert references(response) == [wanted.reference]


def test_counts_per_status_are_shown(signed_in, submission_factory):
    submission_factory()
    submission_factory(status="discuss")
    html = signed_in("Clinician").get("/staff/").content.decode()
    assert "Not reviewed: <strong>1</strong>" in html
    assert "Discuss at consult: <strong>1</strong>" in html


def test_queue_is_paginated(signed_in, submission_factory):
    for _ in range(30):
        submission_factory()
    client = signed_in("Clinician")
    assert len(references(client.get("/staff/"))) == 25
    assert len(references(client.get("/staff/", {"page": 2}))) == 5


def test_viewing_the_queue_is_audited_without_the_search_words(signed_in, submission_factory):
    search(signed_in("Clinician"), "Secret Surname")
    event = AuditEvent.objects.get(action="list")
    assert "Secret" not in event.detail


@pytest.mark.parametrize("count", [10, 1000])
def test_queue_query_count_does_not_grow_with_submissions(
    signed_in, submission_factory, django_assert_num_queries, count
):
    from datetime import timedelta

    from django.utils import timezone

    from screening.models import RaisedFlag, Submission

    template = submission_factory(flags=["allergy"], consult_in=3)
    clones = []
    for n in range(count - 1):
        template.pk = None
        template.reference = f"T{n:03d}-{n % 10000:04d}"[:9]
        template.token = __import__("uuid").uuid4()
        template.consult_date = timezone.localdate() + timedelta(n % 40)
        clones.append(Submission(**{f.attname: getattr(template, f.attname)
                                    for f in Submission._meta.concrete_fields}))  # fmt: skip
    Submission.objects.bulk_create(clones, batch_size=500)
    RaisedFlag.objects.bulk_create(RaisedFlag(submission=s, code="allergy") for s in clones)
    client = signed_in("Clinician")
    client.get("/staff/")  # warm the clinic-details cache
    from django.db import connection

    # filtered count, page rows, and the audit event (one call on PostgreSQL; savepoint,
    # last hash, insert and release on SQLite); the signed-in user, their device and
    # permissions, flag names and status counts are remembered
    with django_assert_num_queries(3 if connection.vendor == "postgresql" else 6):
        assert client.get("/staff/", {"flag": "allergy"}).status_code == 200


def test_search_finds_a_reference_typed_without_its_dash(signed_in, submission_factory):
    wanted = submission_factory()
    code = wanted.reference.replace("-", "").lower()
    assert references(search(signed_in("Clinician"), code)) == [wanted.reference]


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", " - ", " "])
def test_search_finds_a_reference_pasted_with_another_dash(signed_in, submission_factory, dash):
    wanted = submission_factory()
    typed = wanted.reference.replace("-", dash)
    assert references(search(signed_in("Clinician"), typed)) == [wanted.reference]


def test_search_finds_a_name_typed_with_a_double_space(signed_in, submission_factory):
    wanted = submission_factory(name="Jo Bloggs")
    submission_factory(name="Sam Other")
    found = references(search(signed_in("Clinician"), "  jo   bloggs "))
    assert found == [wanted.reference]


def test_queue_shows_age_and_marks_under_18s(signed_in, submission_factory):
    from datetime import date

    young = submission_factory(name="Young Patient")
    young.date_of_birth = date.today().replace(year=date.today().year - 16)
    young.save()
    html = signed_in("Clinician").get("/staff/").content.decode()
    assert "(16)" in html and "Under 18" in html


def test_status_counts_are_fresh_after_a_new_submission_or_review(
    signed_in, complete_questionnaire, django_capture_on_commit_callbacks
):
    client = signed_in("Clinician")
    client.get("/staff/")
    with django_capture_on_commit_callbacks(execute=True):
        complete_questionnaire()
    assert "Not reviewed: <strong>1</strong>" in client.get("/staff/").content.decode()
    from screening.models import Submission

    submission = Submission.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submission.get_absolute_url(), {"decision": "cleared", "version": 1})
    html = client.get("/staff/").content.decode()
    assert "Cleared for consult: <strong>1</strong>" in html
    assert "Not reviewed: <strong>0</strong>" in html


@pytest.mark.parametrize("with_health", [True, False])
@pytest.mark.parametrize(
    "filters",
    [{}, {"status": "new"}, {"flag": "pregnancy"}, {"status": "new", "consult": "week"},
     {"consult": "past"}, {"consult": "none"}, {"consult": "soon"}],
)  # fmt: skip
def test_every_page_holds_the_same_rows_as_slicing_the_whole_filtered_queue(
    submission_factory, filters, with_health
):
    from staff import queue

    for n in range(29):
        submission_factory(
            flags=["pregnancy"] if n % 3 else [],
            consult_in=[None, 1, 5, 30, 0, -2, -40][n % 7],
            status="new" if n % 5 else "cleared",
        )
    everything = [s.reference for s in queue.filtered(filters, with_health)]
    total = None if filters else len(everything)  # as the queue view passes it
    paginator = queue.QueuePaginator(
        queue.filtered(filters, with_health),
        4,
        total=total,
        with_health=with_health,
    )
    paged = [s.reference for n in paginator.page_range for s in paginator.page(n)]
    assert len(everything) > 4
    assert paged == everything


def test_a_page_asked_for_again_shows_what_has_arrived_since(signed_in, submission_factory):
    client = signed_in("Clinician")
    earlier = submission_factory(consult_in=3)
    assert references(client.get("/staff/")) == [earlier.reference]
    urgent = submission_factory(flags=["pregnancy"], consult_in=1)
    assert references(client.get("/staff/")) == [urgent.reference, earlier.reference]


def test_an_invalid_filter_is_explained_and_the_others_still_apply(signed_in, submission_factory):
    pregnant = submission_factory(flags=["pregnancy"])
    submission_factory()
    response = signed_in("Clinician").post("/staff/", {"q": "y" * 101, "flag": "pregnancy"})
    assert references(response) == [pregnant.reference]
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(".govuk-error-summary a")["href"] == "#id_q"
    assert page.title.text.startswith("Error: ")


def test_the_queue_tells_staff_while_the_questionnaire_is_paused_by_the_clinic_limit(
    signed_in, settings, rf
):
    settings.SCREENING_CLINIC_SUBMISSIONS_PER_HOUR = 1
    client = signed_in("Reception")
    assert "questionnaire is paused" not in client.get("/staff/").content.decode()
    for _ in range(2):
        limits.limit_reached(rf.post("/screening/check-your-answers/"))
    assert cache.get(limits.CLINIC_KEY) == 2
    assert "questionnaire is paused" in client.get("/staff/").content.decode()


@pytest.mark.parametrize(("role", "columns"), [("Reception", "5"), ("Clinician", "6")])
def test_the_no_match_row_spans_exactly_the_columns_the_role_sees(signed_in, role, columns):
    page = BeautifulSoup(signed_in(role).get("/staff/").content, "html.parser")
    headers = page.select("table.queue thead th")
    assert page.select_one("table.queue tbody td")["colspan"] == columns == str(len(headers))
