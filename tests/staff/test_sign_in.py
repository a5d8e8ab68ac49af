import re
import time

import pytest
from django.contrib.auth.hashers import identify_hasher
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery 9"
FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}  # "a" -> "ａ"


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def sign_in(client, user, password=PASSWORD, **extra):
    return client.post("/staff/login/", {"username": user.username, "password": password}, **extra)


def test_first_sign_in_enrols_an_authenticator_then_opens_the_queue(client, staff_user):
    user = staff_user("Clinician")
    response = sign_in(client, user)
    assert response["Location"].startswith("/staff/two-factor/")
    page = client.get(response["Location"]).content.decode()
    assert "Set up your security code" in page and "<svg" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/staff/two-factor/?next=/staff/", {"token": code_for(device)})
    assert response["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_a_wrong_security_code_is_refused_with_a_plain_message(client, staff_user):
    user = staff_user("Clinician")
    TOTPDevice.objects.create(user=user, confirmed=True, name="phone")
    sign_in(client, user)
    response = client.post("/staff/two-factor/", {"token": "000000"})
    assert "That code did not work" in response.content.decode()
    assert client.get("/staff/").status_code == 302


def test_sign_in_failures_lock_the_name_out_with_429(client, staff_user):
    user = staff_user("Clinician")
    for _ in range(4):
        assert sign_in(client, user, "wrong password").status_code == 200
    assert sign_in(client, user, "wrong password").status_code == 429
    response = sign_in(client, user)  # even the right password, until the hour is up
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    paused = AuditEvent.objects.filter(action="sign_in_paused")
    assert paused and all(e.detail.endswith("this address") for e in paused)
    assert not paused.filter(detail__contains=user.username)


def test_sign_in_success_and_failure_are_audited_without_the_typed_name(client, staff_user):
    user = staff_user("Clinician")
    sign_in(client, user, "wrong password")
    sign_in(client, user)
    failed = AuditEvent.objects.get(action="sign_in_failed")
    assert user.username not in failed.detail
    assert AuditEvent.objects.filter(action="sign_in", actor_name=user.username).exists()


def test_session_key_changes_at_sign_in(client, staff_user):
    client.get("/screening/about-you/")
    before = client.session.session_key
    sign_in(client, staff_user("Clinician"))
    assert client.session.session_key != before


def test_session_key_changes_again_at_the_security_code(client, staff_user):
    user = staff_user("Clinician")
    device = TOTPDevice.objects.create(user=user, confirmed=True, name="phone")
    sign_in(client, user)
    after_password = client.session.session_key
    client.post("/staff/two-factor/", {"token": code_for(device)})
    assert client.session.session_key != after_password
    assert client.get("/staff/").status_code == 200


def test_failures_spread_over_many_addresses_pause_the_account(client, staff_user, settings):
    settings.STAFF_SIGN_IN_FAILURES_PER_ACCOUNT = 6
    user = staff_user("Clinician")
    for n in range(6):  # two from each address: well under the per-address lockout
        response = sign_in(client, user, "wrong password", REMOTE_ADDR=f"198.51.100.{n // 2}")
        assert response.status_code == 200
    response = sign_in(client, user, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert "signing in to this account is paused" in response.content.decode()
    assert AuditEvent.objects.filter(
        action="sign_in_paused", detail__startswith="account"
    ).exists()


@pytest.mark.parametrize(
    "variant", [str.upper, lambda name: f" {name} ", lambda name: name.translate(FULL_WIDTH)]
)
def test_a_paused_account_stays_paused_under_another_spelling_of_its_name(
    client, staff_user, settings, variant
):
    settings.STAFF_SIGN_IN_FAILURES_PER_ACCOUNT = 3
    user = staff_user("Clinician")
    for n in range(3):
        sign_in(client, user, "wrong password", REMOTE_ADDR=f"198.51.100.{n}")
    user.username = variant(user.username)  # only the name typed, not the account
    assert sign_in(client, user, REMOTE_ADDR="203.0.113.9").status_code == 429


def test_a_few_failures_from_several_addresses_do_not_pause_the_account(
    client, staff_user, settings
):
    settings.STAFF_SIGN_IN_FAILURES_PER_ACCOUNT = 6
    user = staff_user("Clinician")
    for n in range(5):
        sign_in(client, user, "wrong password", REMOTE_ADDR=f"198.51.100.{n}")
    assert sign_in(client, user, REMOTE_ADDR="203.0.113.9").status_code == 302


def test_a_name_longer_than_any_account_is_refused_like_a_wrong_one(client):
    from axes.models import AccessAttempt

    response = client.post("/staff/login/", {"username": "x" * 300, "password": "whatever"})
    assert response.status_code == 200
    assert "Please enter a correct" in response.content.decode()
    assert not AccessAttempt.objects.exists()  # its name column holds 255 characters


def test_idle_staff_are_signed_out_after_30_minutes(signed_in, monkeypatch):
    client = signed_in("Clinician")
    assert client.get("/staff/").status_code == 200
    later = time.time() + 31 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")
    signed_out = AuditEvent.objects.get(action="sign_out")
    assert signed_out.detail == "after 30 minutes idle"


def test_stay_signed_in_counts_as_activity_but_not_once_signed_out(signed_in, monkeypatch):
    client = signed_in("Clinician")
    start = time.time()
    monkeypatch.setattr(time, "time", lambda: start + 25 * 60)
    assert client.post("/staff/still-here/").status_code == 204
    monkeypatch.setattr(time, "time", lambda: start + 50 * 60)  # 25 minutes after that
    assert client.get("/staff/").status_code == 200
    monkeypatch.setattr(time, "time", lambda: start + 90 * 60)
    response = client.post("/staff/still-here/")
    assert response.status_code == 302 and response["Location"].startswith("/staff/login/")


def test_active_staff_are_still_signed_out_after_12_hours(signed_in, monkeypatch):
    client = signed_in("Clinician")
    start = time.time()
    for minutes in range(0, 12 * 60 + 1, 20):
        monkeypatch.setattr(time, "time", lambda m=minutes: start + m * 60)
        response = client.get("/staff/")
    assert response.status_code == 302
    assert AuditEvent.objects.get(action="sign_out").detail == "after 12 hours signed in"


def test_signing_out_needs_post_and_ends_the_session(signed_in):
    client = signed_in("Clinician")
    assert client.get("/staff/logout/").status_code == 405
    signed_out = client.post("/staff/logout/", follow=True)
    assert "You have signed out." in signed_out.content.decode()
    assert AuditEvent.objects.get(action="sign_out").detail == ""
    assert client.get("/staff/").status_code == 302


def test_passwords_are_stored_with_argon2(settings, django_user_model):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = django_user_model.objects.create_user("hashme", password=PASSWORD)
    assert identify_hasher(user.password).algorithm == "argon2"


def test_wrong_security_codes_are_audited_and_then_throttled(client, staff_user):
    user = staff_user("Clinician")
    TOTPDevice.objects.create(user=user, confirmed=True, name="phone")
    sign_in(client, user)
    client.post("/staff/two-factor/", {"token": "000000"})
    response = client.post("/staff/two-factor/", {"token": "000001"})
    assert AuditEvent.objects.filter(action="verify_failed").count() == 2
    assert re.search(r"Wait [12] seconds?, then enter the newest code", response.content.decode())


@pytest.mark.parametrize(
    ("role", "start"), [("Clinician", "/staff/"), ("Auditor", "/staff/audit/")]
)
def test_after_signing_in_each_role_starts_on_a_page_it_may_open(client, staff_user, role, start):
    user = staff_user(role)
    device = TOTPDevice.objects.create(user=user, confirmed=True, name="phone")
    response = sign_in(client, user)
    assert response["Location"] == "/staff/two-factor/"
    response = client.post(response["Location"], {"token": code_for(device)})
    assert response["Location"] == start
    assert client.get(start).status_code == 200


def test_a_refused_staff_page_offers_the_staff_menu_and_sign_out(signed_in):
    response = signed_in("Auditor").get("/staff/export.csv")
    page = response.content.decode()
    assert response.status_code == 403
    assert 'href="/staff/audit/">Audit log</a>' in page
    assert "Sign out</button>" in page


def test_a_content_editor_without_a_staff_role_starts_in_the_admin(client, staff_user):
    editor = staff_user()
    editor.is_staff = True
    editor.save()
    device = TOTPDevice.objects.create(user=editor, confirmed=True, name="phone")
    sign_in(client, editor)
    response = client.post("/staff/two-factor/", {"token": code_for(device)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/staff/")["Location"] == "/admin/"
    assert 'href="/admin/">Admin</a>' in client.get("/staff/audit/").content.decode()


def test_an_empty_sign_in_says_which_box_to_fill_in(client):
    page = client.post("/staff/login/", {"username": "", "password": ""}).content.decode()
    assert "Enter your username" in page and "Enter your password" in page
    assert "This field is required" not in page
