"""Writing and checking the append-only, hash-chained audit log."""

import getpass
import hashlib
import socket

from django.db import connection, transaction
from django.utils import timezone

from mesoinfo.clientip import client_ip
from screening.models import AuditEvent

GENESIS = "0" * 64


def record(action, *, request=None, user=None, reference="", detail=""):
    """Append one event. Never pass health data in `detail`.

    `created_at` is when the request made the event, taken before the chain is locked
    (it is part of the hashed text). The chain's order (by id) is the order of writing,
    so two events made a few milliseconds apart by busy workers can be in either order.
    """
    event = new_event(action, request=request, user=user, reference=reference, detail=detail)
    if connection.vendor == "postgresql":
        append_in_postgresql(event)
    else:
        append(event)
    return event


def record_each(action, references, *, request=None, detail=""):
    """One event per submission, all at once; a single event naming none when there are
    none, so the act itself is still on record. On PostgreSQL one call appends them all,
    so a large export holds the chain's lock for milliseconds, not a round trip per row."""
    now = timezone.now()  # one act: every event has its time
    events = [
        new_event(action, request=request, reference=reference, detail=detail, at=now)
        for reference in references or [""]
    ]
    if connection.vendor == "postgresql":
        append_many_in_postgresql(events)
    else:
        with transaction.atomic():
            for event in events:
                append(event)
    return events


def new_event(action, *, request=None, user=None, reference="", detail="", at=None):
    user = user if user is not None else getattr(request, "user", None)
    known = user if user is not None and user.is_authenticated else None
    return AuditEvent(
        created_at=at or timezone.now(),
        actor=known,
        actor_name=known.get_username() if known else "",
        action=action,
        reference=reference,
        ip_address=client_ip(request),
        detail=printable(detail)[: AuditEvent._meta.get_field("detail").max_length],
    )


def append(event):
    """Link and save the event. On SQLite (local development) the write transaction
    excludes other writers; PostgreSQL uses `append_in_postgresql`."""
    with transaction.atomic():
        last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
        event.previous_hash = last or GENESIS
        event.hash = digest(event)
        event.save()


def append_in_postgresql(event):
    """Lock the chain, read the last hash, hash and insert: one round trip, because every
    staff page writes an event (the function is in migration 0009)."""
    head = event.canonical_head()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT * FROM screening_audit_append(%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [CHAIN_LOCK, event.created_at, event.actor_id, event.actor_name, event.action,
             event.reference, event.ip_address or None, event.detail, head],
        )  # fmt: skip
        stored(event, *cursor.fetchone())


def append_many_in_postgresql(events):
    """`append_in_postgresql` for events alike but for their references, in one call
    (the function is in migration 0023)."""
    first = events[0]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT * FROM screening_audit_append_many(%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [CHAIN_LOCK, first.created_at, first.actor_id, first.actor_name, first.action,
             [e.reference for e in events], first.ip_address or None, first.detail,
             [e.canonical_head() for e in events]],
        )  # fmt: skip
        rows = cursor.fetchall()
    for event, row in zip(events, rows, strict=True):
        stored(event, *row)


def stored(event, pk, previous_hash, digest):
    """Fill in what the database function wrote, as a save() would have."""
    event.pk, event.previous_hash, event.hash = pk, previous_hash, digest
    event._state.adding = False
    event._state.db = connection.alias


def command_line():
    """Who ran a management command, for events with no one signed in."""
    return f"(command line, {getpass.getuser()}@{socket.gethostname()})"


# Any fixed number: the PostgreSQL advisory lock that lets one writer at a time extend
# the chain. Locking the last row would not do: a second writer waiting on it would still
# read that row as the last one and fork the chain.
CHAIN_LOCK = 7236_1001


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
