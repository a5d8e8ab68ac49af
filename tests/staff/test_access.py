"""Deny by default: every staff URL is walked for every role."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, get_resolver

from screening.models import AuditEvent
from tests.conftest import verified_login
from tests.security.figures import count

pytestmark = pytest.mark.django_db
OPEN = {"login", "two-factor", "logout"}
# Opened with a form's POST: a GET that passes the permission check gets 405.
POST_ONLY = {"submission-emergency", "still-here"}
# Send the browser on to another page when allowed.
REDIRECTS = {"next"}
# What each role may open; everything else must be refused.
ALLOWED = {
    "queue": {"Reception", "Clinician"},
    "export": {"Clinician"},
    "submission": {"Reception", "Clinician"},
    "submission-print": {"Clinician"},
    "next": {"Clinician"},
    "submission-emergency": {"Reception"},
    "audit": {"Auditor"},
    "audit-export": {"Auditor"},
    "still-here": {"Reception", "Clinician", "Auditor", None},
}

# Staff who open the queue's address without access to it, but with a page of their own.
SENT_HOME = {("queue", "Auditor"): "/staff/audit/"}


def staff_urls(reference):
    resolver = get_resolver()
    staff = next(p for p in resolver.url_patterns if getattr(p, "namespace", "") == "staff")
    for pattern in staff.url_patterns:
        assert isinstance(pattern, URLPattern)
        if pattern.name in OPEN:
            continue
        route = str(pattern.pattern).replace("<str:reference>", reference)
        yield pattern.name, f"/staff/{route}"


def test_every_protected_staff_url_is_in_the_permission_table(submission_factory):
    names = {name for name, _ in staff_urls("X")}
    assert names == set(ALLOWED), "a new staff URL needs an entry in ALLOWED"


def test_anonymous_visitors_are_sent_to_sign_in_on_every_staff_url(client, submission_factory):
    reference = submission_factory().reference
    for _name, url in staff_urls(reference):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/staff/login/"), url


def test_password_alone_never_reaches_a_staff_page(client, staff_user, submission_factory):
    reference = submission_factory().reference
    client.force_login(staff_user("Clinician", "Auditor"))
    for _name, url in staff_urls(reference):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/staff/two-factor/"), url


@pytest.mark.parametrize("role", ["Reception", "Clinician", "Auditor", None])
def test_each_role_opens_exactly_the_pages_it_is_allowed(staff_user, submission_factory, role):
    reference = submission_factory().reference
    client = verified_login(Client(), staff_user(*([role] if role else [])))
    for name, url in staff_urls(reference):
        expected = allowed_status(name) if role in ALLOWED[name] else 403
        count("staff URLs x roles checked")
        response = client.get(url)
        if (name, role) in SENT_HOME:
            assert response.status_code == 302 and response["Location"] == SENT_HOME[name, role]
        else:
            assert response.status_code == expected, (role, url)


def test_superuser_opens_every_staff_page(admin_client, submission_factory):
    reference = submission_factory().reference
    for name, url in staff_urls(reference):
        assert admin_client.get(url).status_code == allowed_status(name), url


def allowed_status(name):
    return 405 if name in POST_ONLY else 302 if name in REDIRECTS else 200


def test_refused_access_is_written_to_the_audit_log(signed_in):
    client = signed_in("Reception")
    assert client.get("/staff/audit/").status_code == 403
    assert AuditEvent.objects.filter(action="denied").count() == 1


def test_unknown_or_guessed_submission_references_are_404(signed_in):
    client = signed_in("Clinician")
    for guess in ["AAAA-AAAA", "1", "../../etc", "ACDE-FGH"]:
        assert client.get(f"/staff/submissions/{guess}/").status_code == 404


def test_reception_sees_contact_details_but_not_health_answers(signed_in, submission_factory):
    submission = submission_factory(flags=["pregnancy"])
    html = signed_in("Reception").get(submission.get_absolute_url()).content.decode()
    assert submission.full_name in html
    assert "Are you pregnant?" not in html
    assert "Review decision" not in html and "Record a review" not in html
    assert "Record attendance" in html


def test_review_needs_post_and_a_csrf_token(staff_user, submission_factory):
    submission = submission_factory()
    client = verified_login(Client(enforce_csrf_checks=True), staff_user("Clinician"))
    response = client.post(submission.get_absolute_url(), {"decision": "cleared", "version": 1})
    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.status == "new"


def test_the_admin_needs_the_second_factor_too(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_looking_at_submissions_in_the_admin_is_audited(admin_client, submission_factory):
    submission = submission_factory(flags=["allergy"])
    admin_client.get("/admin/screening/submission/")
    response = admin_client.get(f"/admin/screening/submission/{submission.pk}/change/")
    assert "Are you pregnant?" in response.content.decode()
    events = AuditEvent.objects.filter(detail__startswith="admin")
    assert sorted(events.values_list("action", flat=True)) == ["list", "view"]
    assert events.get(action="view").reference == submission.reference


def test_a_refused_look_at_submissions_in_the_admin_is_audited_as_denied_not_viewed(
    client, staff_user, submission_factory
):
    submission = submission_factory(flags=["allergy"])
    receptionist = staff_user("Reception")
    receptionist.is_staff = True  # may edit topics in the admin, but not see submissions
    receptionist.save()
    verified_login(client, receptionist)
    assert client.get("/admin/screening/submission/").status_code == 403
    change = f"/admin/screening/submission/{submission.pk}/change/"
    assert client.get(change).status_code == 403
    events = AuditEvent.objects.filter(actor__isnull=False).exclude(action="sign_in")
    assert sorted(events.values_list("action", "detail")) == [
        ("denied", "/admin/screening/submission/"),
        ("denied", change),
    ]


def test_reception_cannot_filter_by_flag_nor_read_clinical_notes(signed_in, submission_factory):
    submission = submission_factory(flags=["pregnancy"])
    from screening.models import Review

    Review.objects.create(submission=submission, kind="note", note="ZZCLINICAL note")
    client = signed_in("Reception")
    queue = client.get("/staff/", {"flag": "pregnancy"}).content.decode()
    assert 'name="flag"' not in queue
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "ZZCLINICAL" not in page and 'name="note"' not in page


def health_columns_read(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return [
        column
        for query in captured
        for column in ('"screening_submission"."answers"', '"screening_submission"."flags"')
        if column in query["sql"]
    ]


def test_reception_pages_never_read_the_health_answers_from_the_database(
    signed_in, submission_factory
):
    submission = submission_factory(flags=["pregnancy"])
    reception = signed_in("Reception")
    assert health_columns_read(reception, "/staff/") == []
    assert health_columns_read(reception, submission.get_absolute_url()) == []
    clinician = signed_in("Clinician")
    assert health_columns_read(clinician, submission.get_absolute_url()) != []


def test_an_export_by_staff_without_health_access_shows_neither_flags_nor_flag_order(
    client, staff_user, submission_factory
):
    soon = submission_factory(consult_in=1)
    flagged_later = submission_factory(flags=["pregnancy"], consult_in=9, status="not_suitable")
    user = staff_user("Reception")
    user.user_permissions.add(Permission.objects.get(codename="export_submissions"))
    response = verified_login(client, user).get("/staff/export.csv")
    lines = b"".join(response.streaming_content).decode().splitlines()[1:]
    assert [line.split(",")[0] for line in lines] == [soon.reference, flagged_later.reference]
    assert all(line.endswith("(not shown)") for line in lines)
    assert "Not suitable" not in "".join(lines) and ",Reviewed," in lines[1]


def test_an_auditor_opening_the_staff_address_is_sent_to_the_audit_log_not_refused(signed_in):
    response = signed_in("Auditor").get("/staff/")
    assert response.status_code == 302 and response["Location"] == "/staff/audit/"
    assert not AuditEvent.objects.filter(action="denied").exists()


def test_staff_with_no_role_are_told_to_ask_for_one(signed_in):
    response = signed_in().get("/staff/")
    assert response.status_code == 403
    assert "Your account has no role yet" in response.content.decode()


def test_an_editor_edits_topics_and_wording_in_the_admin_but_sees_no_patient(
    client, staff_user, submission_factory
):
    submission = submission_factory(flags=["pregnancy"])
    editor = staff_user("Editor")
    editor.is_staff = True
    editor.save()
    client = verified_login(client, editor)
    allowed = ["/admin/content/topic/", "/admin/screening/question/",
               "/admin/screening/contraindication/", "/admin/content/clinic/"]  # fmt: skip
    for page in allowed:
        assert client.get(page).status_code == 200, page
    refused = ["/admin/screening/submission/", "/admin/screening/auditevent/",
               f"/admin/screening/submission/{submission.pk}/change/", "/admin/auth/user/",
               submission.get_absolute_url(), "/staff/audit/"]  # fmt: skip
    for page in refused:
        assert client.get(page).status_code in (403, 404), page
    assert client.get("/staff/")["Location"] == "/admin/"
