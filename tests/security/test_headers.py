"""Every kind of page, including error states, carries the security headers and scores
A+ by the Observatory's rules; pages with personal or health data are never cached."""

import pytest
from django.test import Client

from tests.conftest import verified_login
from tests.patients import CONTACT
from tests.security.figures import count
from tests.security.observatory import parse_csp, score

pytestmark = pytest.mark.django_db
REPORTED = []


@pytest.fixture(autouse=True)
def production_cookies(settings):
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    settings.SECURE_HSTS_SECONDS = 63072000


def responses(admin_user, submission):
    """(label, needs no-store, response) for every kind of page."""
    patient = Client()
    yield "home", False, patient.get("/", secure=True)
    yield "topics", False, patient.get("/topics/", secure=True)
    yield "topic 404", False, patient.get("/topics/nope/", secure=True)
    yield "robots", False, patient.get("/robots.txt", secure=True)
    yield "start", False, patient.get("/screening/", secure=True)
    yield "form", True, patient.get("/screening/about-you/", secure=True)
    yield "form invalid", True, patient.post("/screening/about-you/", {}, secure=True)
    yield "form valid", True, patient.post("/screening/about-you/", CONTACT, secure=True)
    yield "result refused", False, patient.get("/screening/your-result/", secure=True)
    yield (
        "csrf failure",
        False,
        Client(enforce_csrf_checks=True).post("/screening/about-you/", {}, secure=True),
    )
    staff = Client()
    yield "staff login", True, staff.get("/staff/login/", secure=True)
    yield "staff redirect", True, staff.get("/staff/", secure=True)
    yield "admin login", False, staff.get("/admin/login/", secure=True)
    verified_login(staff, admin_user)
    yield "queue", True, staff.get("/staff/", secure=True)
    yield "submission", True, staff.get(f"/staff/submissions/{submission}/", secure=True)
    yield "submission 404", True, staff.get("/staff/submissions/NONE-NONE/", secure=True)
    yield "audit", True, staff.get("/staff/audit/", secure=True)
    yield "admin", True, staff.get("/admin/", secure=True)
    yield "admin submissions", True, staff.get("/admin/screening/submission/", secure=True)


@pytest.fixture
def all_responses(admin_user, complete_questionnaire):
    complete_questionnaire()
    from screening.models import Submission

    return list(responses(admin_user, Submission.objects.get().reference))


def test_every_page_scores_a_plus_with_no_negative_modifier(all_responses):
    scores = {label: score(response) for label, _, response in all_responses}
    failing = {label: s for label, s in scores.items() if s[0] < 100 or s[1]}
    count("observatory pages scored", len(scores))
    count("observatory lowest score", min(s[0] for s in scores.values()))
    assert failing == {}


def test_every_page_has_a_strict_policy_and_hardening_headers(all_responses):
    for label, _, response in all_responses:
        policy = parse_csp(response["Content-Security-Policy"])
        assert policy["object-src"] == ["'none'"], label
        assert policy["base-uri"] == ["'none'"], label
        assert policy["frame-ancestors"] == ["'none'"], label
        assert policy["form-action"] == ["'self'"], label
        assert "'unsafe-inline'" not in policy["script-src"], label
        assert response["X-Content-Type-Options"] == "nosniff", label
        assert response["X-Frame-Options"] == "DENY", label
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", label
        assert response["Referrer-Policy"] == "same-origin", label
        assert "camera=()" in response["Permissions-Policy"], label
        hsts = response["Strict-Transport-Security"]
        assert "includeSubDomains" in hsts and int(hsts.split("=")[1].split(";")[0]) >= 31536000


def test_pages_with_personal_or_health_data_are_never_stored(all_responses):
    for label, private, response in all_responses:
        if private:
            assert "no-store" in response.get("Cache-Control", ""), label


def test_cookies_carry_the_host_prefix_secure_and_samesite(all_responses):
    seen = {}
    for _, _, response in all_responses:
        seen.update(response.cookies)
    assert set(seen) >= {"__Host-sessionid", "__Host-csrftoken"}
    for name, morsel in seen.items():
        assert morsel["secure"] and morsel["samesite"] and morsel["path"] == "/", name
    assert seen["__Host-sessionid"]["httponly"]
