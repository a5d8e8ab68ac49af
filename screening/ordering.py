"""The review queue's order, which depends on the day: consultations still to come
(soonest first, then those not booked) come before those whose date has passed (latest
first), so last year's submissions never sit above tomorrow's. For staff who may see
health answers, unflagged and reviewed submissions come after every unreviewed flagged
one.

The same order is given two ways: as ORDER BY expressions (the CSV export sorts
everything anyway), and as consecutive parts that each come straight from an index in
order (a queue page reads only a page's worth of each).
"""

from django.db import models

# Unreviewed flagged, then everything else (Submission.queue_rank).
RANKS = (0, 1)


def queue_ordering(today, *, with_health=True):
    """ORDER BY expressions for the whole queue."""
    past = models.Q(consult_order__lt=today)
    coming = ~past
    order = [
        models.Case(models.When(past, then=1), default=0),
        _only_when(coming, "consult_order").asc(),
        _only_when(past, "consult_order").desc(),
        _only_when(coming, "created_at").asc(),
        _only_when(past, "created_at").desc(),
    ]
    return ["queue_rank", *order] if with_health else order


def _only_when(condition, field):
    return models.Case(models.When(condition, then=models.F(field)))


def queue_parts(submissions, today, *, with_health=True):
    """The queue as consecutive parts, each in an order one index gives directly."""
    groups = [submissions.filter(queue_rank=r) for r in RANKS] if with_health else [submissions]
    parts = []
    for group in groups:
        coming = group.filter(consult_order__gte=today)
        past = group.filter(consult_order__lt=today)
        parts += [
            coming.order_by("consult_order", "created_at"),
            past.order_by("-consult_order", "-created_at"),
        ]
    return parts
