import pytest
from django.core.cache import cache
from django.db import connection

from screening.questionnaire import Questionnaire
from tests.patients import CONTACT, all_no_answers, consult_date_fields


def pytest_terminal_summary(terminalreporter):
    from tests.security.figures import FIGURES

    if FIGURES:
        terminalreporter.write_line(
            "security figures: " + ", ".join(f"{k}={v}" for k, v in sorted(FIGURES.items()))
        )


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres_only") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (runs in the PostgreSQL pass of make test)")


@pytest.fixture(autouse=True)
def _fast_passwords_and_clean_cache(settings):
    # Argon2 is deliberately slow; tests that check hashing ask for it themselves.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from content import caching
    from mesoinfo.recent import forget_all

    cache.clear()
    caching._local_pages.clear()
    forget_all()
    yield
    cache.clear()


def verified_login(client, user):
    """Sign in as if the user had typed their password and a valid security code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=user, confirmed=True, name="test")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def admin_client(client, admin_user):
    return verified_login(client, admin_user)


@pytest.fixture
def questionnaire(db):
    return Questionnaire.current()


@pytest.fixture
def complete_questionnaire(client, questionnaire):
    """Walk the whole questionnaire through the web pages with the given answers."""

    def walk(answers=None, contact=None):
        answers = answers or all_no_answers()
        client.get("/screening/about-you/")
        response = client.post(
            "/screening/about-you/", {**CONTACT, **consult_date_fields(), **(contact or {})}
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        for step in ["treatment", "medicines", "skin-and-immunity", "other-conditions"]:
            step_data = {
                key: value
                for q in questionnaire.in_section(step)
                for key, value in answers.items()
                if key in (q.key, f"{q.key}_details")
            }
            response = client.post(f"/screening/{step}/", step_data)
            assert response.status_code == 302, (step, response.content.decode()[:3000])
        return client.post("/screening/check-your-answers/", {"consent": "on"})

    return walk
