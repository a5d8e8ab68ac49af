"""Signed-in staff, remembered in each worker process.

Without this, every staff page reads the same user row, two permission lists and the
security-code device from the database before it does any work of its own. Each worker
keeps them in memory instead, under a shared version that any change to a user, group,
permission or device replaces (see `staff.signals`). Other workers see a change within a
second (`mesoinfo.recent`); the worker that made it sees it at once. A change that skips
model signals (a bulk `update()`) is still seen within MAX_AGE seconds. Nothing is stored
in the shared cache, so device secrets never leave the process that read them.
"""

import time
from dataclasses import dataclass
from uuid import uuid4

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django_otp.models import Device

from mesoinfo.recent import Memo, Recent, now_and_on_commit

VERSION_KEY = "staff:access-version"
MAX_AGE = 30
_version = Recent()
_users = Memo()  # user id -> Snapshot
_devices = Memo()  # persistent id -> RememberedDevice


@dataclass(frozen=True)
class Snapshot:
    version: str
    loaded_at: float
    names: tuple
    values: tuple
    user_permissions: frozenset
    group_permissions: frozenset
    signed_out_at: float | None  # the last "sign out everywhere", as a timestamp


def fresh(remembered, version):
    return (
        remembered is not None
        and remembered.version == version
        and time.monotonic() - remembered.loaded_at < MAX_AGE
    )


def current_version():
    return _version.get(lambda: cache.get_or_set(VERSION_KEY, uuid4().hex, None))


def access_changed():
    """Call when anything that decides who may do what changes."""

    def replace_version():
        cache.set(VERSION_KEY, uuid4().hex, None)
        _version.forget()

    now_and_on_commit(replace_version)


class CachedModelBackend(ModelBackend):
    """Django's ModelBackend, with each user's row and permissions read once per version."""

    def get_user(self, user_id):
        version = current_version()
        snapshot = _users.get(user_id)
        if not fresh(snapshot, version):
            snapshot = self.snapshot(user_id, version)
            if snapshot is None:
                return None
            _users[user_id] = snapshot
        return self.rebuild(snapshot)

    def snapshot(self, user_id, version):
        user = super().get_user(user_id)
        if user is None:
            return None
        names = tuple(f.attname for f in user._meta.concrete_fields)
        return Snapshot(
            version=version,
            loaded_at=time.monotonic(),
            names=names,
            values=tuple(getattr(user, name) for name in names),
            user_permissions=frozenset(self.get_user_permissions(user)),
            group_permissions=frozenset(self.get_group_permissions(user)),
            signed_out_at=load_signed_out_at(user_id),
        )

    @staticmethod
    def rebuild(snapshot):
        """A fresh user object per request: views may change it without touching the memo."""
        user = get_user_model().from_db("default", snapshot.names, snapshot.values)
        user._user_perm_cache = set(snapshot.user_permissions)
        user._group_perm_cache = set(snapshot.group_permissions)
        user._perm_cache = user._user_perm_cache | user._group_perm_cache
        return user


def signed_out_everywhere_at(user_id):
    """When the user was last signed out everywhere (a timestamp), or None; remembered
    with the user when `CachedModelBackend` loaded them."""
    snapshot = _users.get(user_id)
    if fresh(snapshot, current_version()):
        return snapshot.signed_out_at
    return load_signed_out_at(user_id)


def load_signed_out_at(user_id):
    from staff.models import SessionCutoff

    cutoff = SessionCutoff.objects.filter(user_id=user_id).first()
    return cutoff.signed_out_at.timestamp() if cutoff else None


def device(persistent_id):
    """The second-factor device a session was verified with, read once per version."""
    version = current_version()
    remembered = _devices.get(persistent_id)
    if not fresh(remembered, version):
        remembered = RememberedDevice(
            version, time.monotonic(), Device.from_persistent_id(persistent_id)
        )
        _devices[persistent_id] = remembered
    return remembered.device


@dataclass(frozen=True)
class RememberedDevice:
    version: str
    loaded_at: float
    device: Device | None
