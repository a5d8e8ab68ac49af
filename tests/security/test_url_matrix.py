"""Deny by default over every URL pattern the project has."""

import secrets

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from screening.models import REFERENCE_ALPHABET, Submission
from tests.conftest import verified_login
from tests.security.figures import count

pytestmark = pytest.mark.django_db
# Pages anyone may open. A new URL that is neither here nor in the staff or admin areas
# fails the first test below until someone decides who may see it.
PUBLIC = {
    "content:home", "content:privacy", "content:contact", "content:topic-list",
    "content:topic-search", "content:topic-detail", "screening:start", "screening:check",
    "screening:result", "screening:result-print", "screening:result-remove", "screening:step",
    "healthz", "readyz", "robots", "favicon",
    "sitemap", "admin-login", "staff:login", "staff:two-factor", "staff:logout",
}  # fmt: skip
POST_ENDPOINTS = [
    "/screening/about-you/", "/screening/medicines/", "/screening/check-your-answers/",
    "/staff/login/", "/staff/two-factor/", "/staff/logout/", "/staff/submissions/{ref}/",
    "/staff/", "/staff/export.csv", "/staff/submissions/{ref}/emergency/",
    "/screening/your-result/remove/",
]  # fmt: skip


def named_patterns(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name or pattern.pattern}"


def test_every_url_is_public_by_decision_or_inside_a_protected_area():
    undecided = [
        name
        for name in named_patterns()
        if name not in PUBLIC and not name.startswith(("staff:", "admin:"))
    ]
    assert undecided == []


def admin_urls():
    yield "/admin/"
    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        yield from (base, base + "add/", base + "1/change/", base + "1/history/",
                    base + "1/delete/")  # fmt: skip


def test_admin_turns_away_everyone_but_verified_staff(client, django_user_model, admin_user):
    patient = django_user_model.objects.create_user("patient", password="x")
    not_staff = verified_login(Client(), patient)
    unverified_admin = Client()
    unverified_admin.force_login(admin_user)
    checked = 0
    for url in admin_urls():
        for who in (client, not_staff, unverified_admin):
            response = who.get(url)
            assert response.status_code == 302, url
            assert "/login/" in response["Location"], url
            checked += 1
    count("admin URLs x roles checked", checked)
    assert checked >= 3 * 5 * len(admin.site._registry)


def test_a_thousand_guessed_references_reveal_nothing(admin_client, complete_questionnaire):
    complete_questionnaire()
    real = Submission.objects.get().reference
    for _ in range(1000):
        guess = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
        guess = f"{guess[:4]}-{guess[4:]}"
        count("guessed references tried")
        if guess != real:
            assert admin_client.get(f"/staff/submissions/{guess}/").status_code == 404


def test_get_never_changes_state(admin_client, complete_questionnaire, client):
    complete_questionnaire()
    submission = Submission.objects.get()
    admin_client.get(submission.get_absolute_url(), {"decision": "cleared", "version": 1})
    client.get("/screening/check-your-answers/", {"consent": "on"})
    submission.refresh_from_db()
    assert (submission.status, Submission.objects.count()) == ("new", 1)
    assert admin_client.get("/staff/logout/").status_code == 405


def test_every_post_endpoint_refuses_a_missing_csrf_token(admin_user, complete_questionnaire):
    complete_questionnaire()
    reference = Submission.objects.get().reference
    for url in POST_ENDPOINTS:
        client = verified_login(Client(enforce_csrf_checks=True), admin_user)
        client.get("/screening/about-you/")
        response = client.post(url.format(ref=reference), {"consent": "on"})
        assert response.status_code == 403, url
        assert "This form has expired" in response.content.decode(), url


def test_a_csrf_token_from_another_session_is_refused(admin_user):
    other = verified_login(Client(enforce_csrf_checks=True), admin_user)
    other.get("/staff/")
    stolen = other.cookies["csrftoken"].value
    client = verified_login(Client(enforce_csrf_checks=True), admin_user)
    client.get("/staff/")
    response = client.post("/staff/", {"csrfmiddlewaretoken": stolen, "status": "new"})
    assert response.status_code == 403
    allowed = client.post("/staff/", {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert allowed.status_code == 303
