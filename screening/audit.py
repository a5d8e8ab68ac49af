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
        lock_chain()
        last = AuditEvent.objects.order_by("-id").first()
        event = AuditEvent(
            created_at=timezone.now(),
            actor=known,
            actor_name=known.get_username() if known else "",
            action=action,
            reference=reference,
            ip_address=client_ip(request),
            detail=printable(detail)[:200],
            previous_hash=last.hash if last else GENESIS,
        )
        event.hash = digest(event)
        event.save()
    return event


CHAIN_LOCK = 7236_1001  # any fixed number: one PostgreSQL advisory lock for the chain


def lock_chain():
    """One writer extends the chain at a time. Locking the last row is not enough: a second
    writer waiting on it would still read that row as the last and fork the chain."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
    # SQLite: a write transaction already excludes every other writer.


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
