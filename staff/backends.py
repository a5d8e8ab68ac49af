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
from staff.models import SessionCutoff

VERSION_KEY = "staff:access-version"
GENERATION_SESSION_KEY = "sign_out_generation"
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
    sign_out_generation: int  # see staff.models.SessionCutoff


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
        user = self.load_user(user_id)
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
            sign_out_generation=generation_of(user),
        )

    def load_user(self, user_id):
        """ModelBackend.get_user, with the user's "sign out everywhere" in the same query."""
        model = get_user_model()
        try:
            user = model._default_manager.select_related("session_cutoff").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    @staticmethod
    def rebuild(snapshot):
        """A fresh user object per request: views may change it without touching the memo."""
        user = get_user_model().from_db("default", snapshot.names, snapshot.values)
        user._user_perm_cache = set(snapshot.user_permissions)
        user._group_perm_cache = set(snapshot.group_permissions)
        user._perm_cache = user._user_perm_cache | user._group_perm_cache
        return user


def generation_of(user):
    try:
        return user.session_cutoff.generation
    except SessionCutoff.DoesNotExist:
        return 0


def sign_out_generation(user_id):
    """How many times the user has been signed out everywhere; remembered with the user
    when `CachedModelBackend` loaded them."""
    snapshot = _users.get(user_id)
    if fresh(snapshot, current_version()):
        return snapshot.sign_out_generation
    return load_sign_out_generation(user_id)


def load_sign_out_generation(user_id):
    cutoff = SessionCutoff.objects.filter(user_id=user_id).only("generation").first()
    return cutoff.generation if cutoff else 0


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
