"""Django's cache-backed sessions, encrypted, with fewer Redis round trips and an atomic
update."""

import pickle

from django.conf import settings
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, UpdateError
from django.contrib.sessions.backends.cache import SessionStore as CacheSessionStore
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.utils.crypto import get_random_string

from mesoinfo.encryption import UnreadableValue, cipher, opened


class EncryptedSessionCache:
    """The sessions' cache, holding each session encrypted with MESOINFO_FIELD_KEYS: a
    patient's answers wait there until they send them, and staff sessions hold searches
    (names). So Redis's memory and the session files on disk show no health details."""

    def __init__(self, cache):
        self.cache = cache

    def get(self, key, default=None):
        stored = self.cache.get(key)
        if isinstance(stored, dict):  # written before sessions were encrypted
            return stored
        try:
            session = opened(stored)
        except UnreadableValue:  # a key since dropped, or nothing stored
            return default
        # Fernet authenticates the token, so only this app can have made what is unpickled.
        return pickle.loads(session)  # noqa: S301  # nosec B301

    def set(self, key, session, timeout):
        return self.cache.set(key, sealed(session), timeout)

    def add(self, key, session, timeout):
        return self.cache.add(key, sealed(session), timeout)

    def set_if_present(self, key, session, timeout):
        return self.cache.set_if_present(key, sealed(session), timeout)

    def can_set_if_present(self):
        return hasattr(self.cache, "set_if_present")

    def delete(self, key):
        return self.cache.delete(key)

    def __contains__(self, key):
        return key in self.cache


def sealed(session):
    return cipher().encrypt(pickle.dumps(session, pickle.HIGHEST_PROTOCOL))


class SessionStore(CacheSessionStore):
    created_here = False

    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = EncryptedSessionCache(self._cache)

    def _get_new_session_key(self):
        # Django asks the cache whether a new random key is taken before using it. The
        # cache backend then claims the key with an atomic add that refuses a key in
        # use (and picks another), so the question first is a wasted round trip. With
        # 32 characters from 36 a clash is not a practical concern in any case.
        return get_random_string(32, VALID_KEY_CHARS)

    def create(self):
        super().create()
        self.created_here = True

    def save(self, must_create=False):
        if must_create or self.session_key is None:
            return super().save(must_create)
        data, seconds = self._get_session(no_load=True), self.get_expiry_age()
        if self.created_here:
            # Django reads the key back before updating it, in case another request
            # ended the session meanwhile. No other request can know a key made in this one.
            self._cache.set(self.cache_key, data, seconds)
        elif self._cache.can_set_if_present():
            # Django's read-then-write would undo a session ended between the two (the
            # questionnaire's send deletes its old key); Redis's SET XX has no between.
            if not self._cache.set_if_present(self.cache_key, data, seconds):
                raise UpdateError
        else:
            super().save()


def forget_expired_files():
    """Delete expired sessions kept in files (no Redis); returns how many. Django deletes
    an expired file only when it is read again, so the answers of a patient who stopped
    part-way would stay on disk for good. Redis forgets expired keys by itself."""
    store = caches[settings.SESSION_CACHE_ALIAS]
    if not isinstance(store, FileBasedCache):
        return 0
    removed = 0
    for path in store._list_cache_files():
        try:
            with open(path, "rb") as file:
                removed += store._is_expired(file)  # deletes the file when it has expired
        except (OSError, EOFError, pickle.UnpicklingError):  # gone, being written, or damaged
            continue
    return removed
