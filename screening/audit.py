"""Writing and checking the append-only, hash-chained audit log."""

import hashlib

from django.db import connection, transaction
from django.utils import timezone

from mesoinfo.clientip import client_ip
from screening.models import AuditEvent

GENESIS = "0" * 64


def record(action, *, request=None, user=None, reference="", detail=""):
    """Append one event. Never pass health data in `detail`."""
    user = user if user is not None else getattr(request, "user", None)
    known = user if user is not None and user.is_authenticated else None
    with transaction.atomic():
        event = AuditEvent(
            created_at=timezone.now(),
            actor=known,
            actor_name=known.get_username() if known else "",
            action=action,
            reference=reference,
            ip_address=client_ip(request),
            detail=printable(detail)[:200],
            previous_hash=lock_chain_and_read_last_hash() or GENESIS,
        )
        event.hash = digest(event)
        event.save()
    return event


CHAIN_LOCK = 7236_1001  # any fixed number: one PostgreSQL advisory lock for the chain
LAST_HASH = "SELECT hash FROM screening_auditevent ORDER BY id DESC LIMIT 1"


def lock_chain_and_read_last_hash():
    """One writer extends the chain at a time. Locking the last row is not enough: a second
    writer waiting on it would still read that row as the last and fork the chain.

    On PostgreSQL both statements go in one round trip (this runs on every staff page).
    Each statement takes its own snapshot, so the SELECT sees what the lock's previous
    holder committed. On SQLite a write transaction already excludes other writers."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT pg_advisory_xact_lock(%s); {LAST_HASH}", [CHAIN_LOCK])
        else:
            cursor.execute(LAST_HASH)
        row = cursor.fetchone()
    return row[0] if row else None


def printable(text):
    """No control characters: they could forge log lines, and PostgreSQL refuses NUL."""
    return "".join(c if c.isprintable() else "?" for c in str(text))


def digest(event):
    return hashlib.sha256(event.canonical().encode()).hexdigest()


def broken_links(events):
    """The ids of events whose stored hash or link to the previous event is wrong."""
    previous = GENESIS
    broken = []
    for event in events:
        if event.previous_hash != previous or digest(event) != event.hash:
            broken.append(event.pk)
        previous = event.hash
    return broken
