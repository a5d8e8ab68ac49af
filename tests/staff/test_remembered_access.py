"""Each worker remembers signed-in staff (staff.backends); a change to who may do what must
still take effect on the very next page."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff import backends
from tests.conftest import verified_login


@pytest.fixture
def clinician(staff_user):
    return staff_user("Clinician")


@pytest.fixture
def client_of(client, clinician):
    signed_in = verified_login(client, clinician)
    assert signed_in.get("/staff/").status_code == 200  # now remembered
    return signed_in


def test_a_remembered_staff_page_reads_no_user_device_or_permission_rows(
    client_of, submission_factory, django_assert_num_queries
):
    submission_factory()

    # count, rows and the audit event only (see test_queue for the breakdown)
    from django.db import connection

    with django_assert_num_queries(3 if connection.vendor == "postgresql" else 6):
        assert client_of.get("/staff/", {"status": "new"}).status_code == 200


def test_removing_a_role_denies_the_next_page(client_of, clinician):
    clinician.groups.clear()
    assert client_of.get("/staff/").status_code == 403


def test_removing_a_permission_from_the_role_denies_the_next_page(client_of):
    group = Group.objects.get(name="Clinician")
    group.permissions.remove(Permission.objects.get(codename="view_queue"))
    assert client_of.get("/staff/").status_code == 403


def test_deactivated_staff_member_is_signed_out_at_once(client_of, clinician):
    clinician.is_active = False
    clinician.save()
    response = client_of.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


def test_password_change_ends_existing_sessions(client_of, clinician):
    clinician.set_password("a brand new passphrase 42")
    clinician.save()
    assert client_of.get("/staff/")["Location"].startswith("/staff/login/")


def test_deleted_security_code_device_asks_for_the_second_factor_again(client_of, clinician):
    TOTPDevice.objects.filter(user=clinician).delete()
    assert client_of.get("/staff/")["Location"].startswith("/staff/two-factor/")


def test_a_change_that_skips_signals_is_seen_within_the_maximum_age(
    client_of, clinician, monkeypatch
):
    User.objects.filter(pk=clinician.pk).update(is_active=False)  # no post_save signal
    assert client_of.get("/staff/").status_code == 200  # still remembered
    later = backends.time.monotonic() + backends.MAX_AGE + 1
    monkeypatch.setattr(backends.time, "monotonic", lambda: later)
    assert client_of.get("/staff/")["Location"].startswith("/staff/login/")


def test_another_workers_change_is_seen_within_a_second(client_of, clinician, monkeypatch):
    from django.core.cache import cache

    from mesoinfo import recent

    User.objects.filter(pk=clinician.pk).update(is_active=False)
    cache.set(backends.VERSION_KEY, "set by another worker")  # what its signal does
    later = recent.time.monotonic() + recent.RECHECK_SECONDS
    monkeypatch.setattr(recent.time, "monotonic", lambda: later)
    assert client_of.get("/staff/")["Location"].startswith("/staff/login/")


def test_each_request_gets_its_own_user_object(clinician):
    backend = backends.CachedModelBackend()
    first = backend.get_user(clinician.pk)
    first.first_name = "Changed in one request"
    second = backend.get_user(clinician.pk)
    assert second is not first
    assert second.first_name == ""
    assert second.has_perm("screening.view_queue")
