"""Privilege changes go to the audit log, not only to Django's editable admin log (security
matrix T45): who did it, to whom, and what changed, from the admin or from the shell."""

import pytest
from django.contrib.auth.models import Group, Permission
from django_otp.plugins.otp_totp.models import TOTPDevice

from screening.models import AuditEvent

pytestmark = pytest.mark.django_db
Action = AuditEvent.Action


@pytest.fixture
def sam(django_user_model):
    return django_user_model.objects.create_user("sam")


def details(action):
    return list(
        AuditEvent.objects.filter(action=action).order_by("id").values_list("detail", flat=True)
    )


def change_in_admin(client, user, **changes):
    """Post the admin's change form for `user`; unticked boxes are left out, as browsers do."""
    form = {
        "username": user.username,
        "date_joined_0": "2026-01-05",
        "date_joined_1": "09:00:00",
        "groups": list(user.groups.values_list("pk", flat=True)),
        **({"is_active": "on"} if user.is_active else {}),
        **changes,
    }
    response = client.post(f"/admin/auth/user/{user.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def test_making_a_user_superuser_in_the_admin_is_audited_with_the_actor(admin_client, sam):
    change_in_admin(admin_client, sam, is_superuser="on", is_staff="on")
    event = AuditEvent.objects.get(action=Action.PRIVILEGES)
    assert event.actor.username == "admin"
    assert event.ip_address == "127.0.0.1"
    assert event.detail == "for sam: is_superuser False→True is_staff False→True"


def test_adding_a_user_to_a_group_in_the_admin_is_audited_with_the_actor(admin_client, sam):
    clinician = Group.objects.get(name="Clinician")
    change_in_admin(admin_client, sam, groups=[clinician.pk])
    event = AuditEvent.objects.get(action=Action.PRIVILEGES)
    assert (event.actor.username, event.detail) == ("admin", "for sam: groups +Clinician")


def test_taking_a_user_out_of_a_group_in_the_admin_is_audited(admin_client, sam):
    sam.groups.add(*Group.objects.filter(name__in=["Clinician", "Auditor"]))
    change_in_admin(admin_client, sam, groups=[Group.objects.get(name="Auditor").pk])
    event = AuditEvent.objects.filter(action=Action.PRIVILEGES).latest("id")
    assert (event.actor.username, event.detail) == ("admin", "for sam: groups -Clinician")


def test_adding_a_user_to_a_group_is_audited(sam):
    sam.groups.add(*Group.objects.filter(name__in=["Clinician", "Auditor"]))
    event = AuditEvent.objects.get(action=Action.PRIVILEGES)
    assert event.detail == "for sam: groups +Auditor +Clinician"
    assert event.actor is None  # from the shell: no one is signed in


def test_removing_a_user_from_a_group_names_only_groups_they_were_in(sam):
    clinician, auditor = Group.objects.get(name="Clinician"), Group.objects.get(name="Auditor")
    sam.groups.add(clinician)
    sam.groups.remove(clinician, auditor)
    assert details(Action.PRIVILEGES)[-1] == "for sam: groups -Clinician"


def test_clearing_a_users_groups_names_each_group(sam):
    sam.groups.add(*Group.objects.filter(name__in=["Clinician", "Reception"]))
    sam.groups.clear()
    assert details(Action.PRIVILEGES)[-1] == "for sam: groups -Clinician -Reception"


def test_membership_changed_from_the_group_side_names_each_user(sam, django_user_model):
    kim = django_user_model.objects.create_user("kim")
    reception = Group.objects.get(name="Reception")
    reception.user_set.add(sam, kim)
    reception.user_set.remove(kim)
    reception.user_set.clear()
    assert details(Action.PRIVILEGES) == [
        "for sam: groups +Reception",
        "for kim: groups +Reception",
        "for kim: groups -Reception",
        "for sam: groups -Reception",
    ]


def test_a_users_own_permissions_changing_is_audited(sam):
    emergency = Permission.objects.get(codename="emergency_access")
    sam.user_permissions.add(emergency)
    emergency.user_set.remove(sam)
    assert details(Action.PRIVILEGES) == [
        "for sam: permissions +screening.emergency_access",
        "for sam: permissions -screening.emergency_access",
    ]


def test_a_roles_permissions_changing_is_audited():
    reception = Group.objects.get(name="Reception")
    emergency = Permission.objects.get(codename="emergency_access")
    reception.permissions.remove(emergency)
    emergency.group_set.add(reception)
    assert details(Action.ROLE_PERMISSIONS) == [
        "for role Reception: permissions -screening.emergency_access",
        "for role Reception: permissions +screening.emergency_access",
    ]


def test_a_change_too_long_for_one_event_is_split_over_several_not_cut_off():
    group = Group.objects.create(name="Everything")
    group.permissions.set(Permission.objects.all())
    recorded = details(Action.ROLE_PERMISSIONS)
    assert len(recorded) > 1
    assert all(d.startswith("for role Everything: permissions +") for d in recorded)
    assert all(len(d) <= AuditEvent._meta.get_field("detail").max_length for d in recorded)
    named = {name for d in recorded for name in d.split()[4:]}
    assert len(named) == Permission.objects.count()


def test_only_changed_flags_are_named_and_other_saves_add_nothing(sam):
    sam.first_name = "Sam"
    sam.is_staff = True
    sam.save()
    sam.last_name = "Lee"
    sam.save()
    assert details(Action.PRIVILEGES) == ["for sam: is_staff False→True"]


def test_deactivating_a_user_is_audited(sam):
    sam.is_active = False
    sam.save(update_fields=["is_active"])
    assert details(Action.PRIVILEGES) == ["for sam: is_active True→False"]


def test_adding_and_removing_a_security_code_device_is_audited(sam):
    device = TOTPDevice.objects.create(user=sam, name="Phone")
    device.delete()
    assert details(Action.DEVICE_ADDED) == ["for sam: TOTP device 'Phone'"]
    assert details(Action.DEVICE_REMOVED) == ["for sam: TOTP device 'Phone'"]


def test_creating_and_deleting_a_user_is_audited(django_user_model):
    django_user_model.objects.create_superuser("root", password=None)
    django_user_model.objects.get(username="root").delete()
    assert details(Action.USER_ADDED) == [
        "for root: is_superuser=True is_staff=True is_active=True"
    ]
    assert details(Action.USER_DELETED) == ["for root"]


def test_adding_a_user_in_the_admin_is_audited_with_the_actor(admin_client):
    no_password = {"usable_password": str(False).lower()}  # the admin's "set it later"
    response = admin_client.post("/admin/auth/user/add/", {"username": "newbie", **no_password})
    assert response.status_code == 302, response.content.decode()[:3000]
    event = AuditEvent.objects.get(action=Action.USER_ADDED, detail__startswith="for newbie")
    assert event.actor.username == "admin"


def test_deleting_a_user_in_the_admin_audits_the_user_and_their_devices(admin_client, sam):
    TOTPDevice.objects.create(user=sam, name="Phone")
    response = admin_client.post(f"/admin/auth/user/{sam.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    removed = AuditEvent.objects.get(action=Action.DEVICE_REMOVED)
    deleted = AuditEvent.objects.get(action=Action.USER_DELETED)
    assert (removed.actor.username, removed.detail) == ("admin", "for sam: TOTP device 'Phone'")
    assert (deleted.actor.username, deleted.detail) == ("admin", "for sam")


def test_deleting_a_role_in_the_admin_audits_each_member_losing_it(admin_client, sam):
    role = Group.objects.create(name="Locum")
    sam.groups.add(role)
    response = admin_client.post(f"/admin/auth/group/{role.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    lost = AuditEvent.objects.get(action=Action.PRIVILEGES, detail__contains="-Locum")
    assert (lost.actor.username, lost.detail) == ("admin", "for sam: groups -Locum")
    assert details(Action.ROLE_PERMISSIONS)[-1] == "for role Locum: deleted"


def test_an_admin_cannot_read_a_staff_members_authenticator_secret(admin_client, sam):
    from django.urls import reverse

    device = TOTPDevice.objects.create(user=sam, name="Phone")
    page = admin_client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert page.status_code == 200
    assert device.key not in page.content.decode()
    qrcode = reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk])
    assert admin_client.get(qrcode).status_code == 403


def test_an_admin_cannot_add_an_authenticator_with_a_secret_of_their_choosing(admin_client, sam):
    from django.urls import reverse

    add = reverse("admin:otp_totp_totpdevice_add")
    form = {"user": sam.pk, "name": "Mine", "key": "31" * 20, "step": 30, "t0": 0,
            "digits": 6, "tolerance": 1, "drift": 0, "confirmed": "on"}  # fmt: skip
    assert admin_client.post(add, form).status_code == 403
    assert not TOTPDevice.objects.filter(user=sam).exists()
