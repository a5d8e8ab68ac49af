"""A ceiling on failed sign-ins per account, from any address (ASVS V6.3.1: at most 100
an hour). django-axes pauses a name on one address after 5 failures; this stops a slow
guess spread over many addresses. The price: that many failures pause the account for
everyone, so the ceiling sits well above what a person mistyping would reach."""

import hashlib
import unicodedata

from django.conf import settings
from django.core.cache import cache

from mesoinfo.cache import count_hit

WINDOW = 60 * 60


def _key(username):
    # NFKC as Django's sign-in form does, so look-alike letters (full-width, maths
    # bold) name the same account and cannot start a fresh count.
    name = unicodedata.normalize("NFKC", str(username or "")).strip().casefold()
    return "signin:account:" + hashlib.sha256(name.encode()).hexdigest()[:32]


def note_failure(username):
    count_hit(cache, _key(username), WINDOW)


def paused(username):
    return (cache.get(_key(username)) or 0) >= settings.STAFF_SIGN_IN_FAILURES_PER_ACCOUNT
