"""An admin can end every session a staff member has open (security matrix T17)."""

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from screening.models import AuditEvent
from staff.models import sign_out_everywhere
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db


def session_exists(key):
    return import_module(settings.SESSION_ENGINE).SessionStore().exists(key)


@pytest.fixture
def two_devices(staff_user):
    """The same clinician signed in on a laptop and a phone."""
    user = staff_user("Clinician")
    laptop, phone = verified_login(Client(), user), verified_login(Client(), user)
    for device in (laptop, phone):
        assert device.get("/staff/").status_code == 200
    return user, laptop, phone


def assert_signed_out(device):
    key = device.cookies[settings.SESSION_COOKIE_NAME].value
    response = device.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)
    assert not session_exists(key)


def test_signing_out_everywhere_ends_every_open_session(two_devices):
    user, laptop, phone = two_devices
    sign_out_everywhere(user)
    assert_signed_out(laptop)
    assert_signed_out(phone)


def test_other_staff_stay_signed_in(two_devices, signed_in):
    colleague = signed_in("Clinician")
    sign_out_everywhere(two_devices[0])
    assert colleague.get("/staff/").status_code == 200


def test_signing_in_again_afterwards_works(two_devices):
    user, laptop, _ = two_devices
    sign_out_everywhere(user)
    assert_signed_out(laptop)
    assert verified_login(Client(), user).get("/staff/").status_code == 200


def test_admin_action_signs_out_the_ticked_users_and_is_audited(admin_client, two_devices):
    user, laptop, _ = two_devices
    response = admin_client.post(
        "/admin/auth/user/", {"action": "sign_out_everywhere", "_selected_action": [user.pk]}
    )
    assert response.status_code == 302
    assert "Signed out 1 user on every device." in admin_client.get(response["Location"]).text
    assert_signed_out(laptop)
    event = AuditEvent.objects.get(action=AuditEvent.Action.SIGNED_OUT_EVERYWHERE)
    assert event.actor.username == "admin"
    assert event.detail == f"for {user.username}"


def test_only_admins_who_may_change_users_can_sign_them_out(client, staff_user, two_devices):
    viewer = staff_user()
    viewer.is_staff = True
    viewer.save()
    viewer.user_permissions.set(Permission.objects.filter(codename="view_user"))
    user, laptop, _ = two_devices
    verified_login(client, viewer).post(
        "/admin/auth/user/", {"action": "sign_out_everywhere", "_selected_action": [user.pk]}
    )
    assert laptop.get("/staff/").status_code == 200
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.SIGNED_OUT_EVERYWHERE)


def test_command_signs_a_user_out_everywhere_and_names_who_ran_it(two_devices):
    user, _, phone = two_devices
    call_command("sign_out_everywhere", user.username)
    assert_signed_out(phone)
    event = AuditEvent.objects.get(action=AuditEvent.Action.SIGNED_OUT_EVERYWHERE)
    assert event.detail.startswith(f"for {user.username} (command line, ")


def test_a_second_sign_out_ends_sessions_begun_after_the_first(two_devices):
    user, laptop, _ = two_devices
    sign_out_everywhere(user)
    new_session = verified_login(Client(), user)
    assert new_session.get("/staff/").status_code == 200
    sign_out_everywhere(user)
    assert_signed_out(new_session)


def test_another_workers_sign_out_is_seen_within_a_second(two_devices, monkeypatch):
    from django.core.cache import cache

    from mesoinfo import recent
    from staff import backends
    from staff.models import SessionCutoff

    user, laptop, _ = two_devices
    # What another worker's sign-out leaves: the row (saved without this process's
    # signals), and a new shared version.
    cutoff = SessionCutoff(user=user, generation=1, signed_out_at=timezone.now())
    SessionCutoff.objects.bulk_create([cutoff])
    cache.set(backends.VERSION_KEY, "set by another worker")
    assert laptop.get("/staff/").status_code == 200  # this worker's copy is still current
    later = recent.time.monotonic() + recent.RECHECK_SECONDS
    monkeypatch.setattr(recent.time, "monotonic", lambda: later)
    assert_signed_out(laptop)


def test_a_session_without_a_sign_in_time_is_ended(two_devices):
    _, laptop, _ = two_devices
    session = laptop.session
    del session["auth_time"]
    session.save()
    assert_signed_out(laptop)


def test_command_names_an_unknown_user():
    with pytest.raises(CommandError, match="No user called nobody"):
        call_command("sign_out_everywhere", "nobody")
