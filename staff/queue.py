"""The review queue: which submissions a filter selects, and the counts beside it."""

from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Value, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone

from screening import limits
from screening.models import (
    NOT_BOOKED,
    ReviewStatus,
    Submission,
    status_choices,
    statuses_in,
)
from screening.ordering import queue_parts
from screening.services import QUEUE_COUNTS_KEY as COUNTS_KEY

# What every queue page reads; see shown_fields.
QUEUE_FIELDS = [
    "reference",
    "full_name",
    "date_of_birth",
    "created_at",
    "consult_date",
    "status",
    "flagged",
]


def filtered(data, with_health=True):
    """Submissions matching the queue's cleaned filter data, in queue order (or booking
    order, for staff who may not know which patients were flagged)."""
    today = timezone.localdate()
    submissions = Submission.objects.matching(data.get("q", ""))
    if data.get("status"):
        submissions = submissions.in_status(data["status"])
    if data.get("flag"):
        submissions = submissions.raising(data["flag"])
    consult = CONSULT_FILTERS.get(data.get("consult"))
    if consult:
        # Said of consult_order too, the column the queue's order reads from its index,
        # so each part of the order is read only across the dates asked for.
        submissions = submissions.filter(**consult(today))
    return submissions.in_queue_order(today, with_health=with_health)


def next_to_review(after=""):
    """The reference of the first submission waiting for review in queue order (flagged
    and soonest consultations first), other than `after`, or None: where a clinician goes
    on to from the submission they have just reviewed. Two rows are read rather than
    leaving `after` out in SQL, so every call shares one worker-cached query."""
    waiting = filtered({"status": ReviewStatus.NOT_REVIEWED}).order_by()
    today = timezone.localdate()
    sql, params = cached_page_query(waiting, ["reference"], 0, 2, today, with_health=True)
    references = [s.reference for s in Submission.objects.raw(sql, params)]
    return next((r for r in references if r != after), None)


def _both_dates(lookup, value):
    return {f"consult_date__{lookup}": value, f"consult_order__{lookup}": value}


CONSULT_FILTERS = {
    "soon": lambda today: _both_dates("range", (today, today + timedelta(2))),
    "week": lambda today: _both_dates("range", (today, today + timedelta(7))),
    "none": lambda today: {"consult_date__isnull": True, "consult_order": NOT_BOOKED},
    "past": lambda today: _both_dates("lt", today),
}


def shown_fields(with_health):
    """The columns a queue page reads. The flags only for staff who may see them: for
    anyone else they are never read, so never decrypted."""
    return [*QUEUE_FIELDS, "flags"] if with_health else QUEUE_FIELDS


def status_counts(cached=None, with_health=True):
    """(value, label, submissions) for each status this person may filter by, from the
    shared cache: counting 100,000 rows on every page view would make the queue slower
    as the clinic's data grows. `cached`: what the page already read from the cache (see
    `cached_state`)."""
    counts = cache.get(COUNTS_KEY) if cached is None else cached.get(COUNTS_KEY)
    if counts is None:
        counts = dict(Submission.objects.values_list("status").annotate(n=Count("id")))
        cache.set(COUNTS_KEY, counts, 60)
    return [
        (value, label, sum(counts.get(status, 0) for status in statuses_in(value)))
        for value, label in status_choices(with_health)
    ]


def cached_state():
    """The counts and the questionnaire's clinic-wide count, in one cache round trip."""
    return cache.get_many([COUNTS_KEY, limits.CLINIC_KEY])


class QueuePaginator(Paginator):
    """The queue's pages. With no filter, `total` comes from the cached counts. A page
    is one query that reads, for each part of the queue order (see screening.ordering),
    only as far into its index as the page reaches, and then only the page's rows.
    Sorting the whole queue instead would read every row."""

    def __init__(self, object_list, per_page, total=None, fields=QUEUE_FIELDS, with_health=True):
        super().__init__(object_list, per_page)
        self.total = total
        self.fields = fields
        self.with_health = with_health
        self.today = timezone.localdate()

    @cached_property
    def count(self):
        return self.total if self.total is not None else super().count

    def page(self, number):
        number = self.validate_number(number)
        offset = (number - 1) * self.per_page
        sql, params = cached_page_query(
            self.object_list.order_by(),
            self.fields,
            offset,
            self.per_page,
            self.today,
            self.with_health,
        )
        return self._get_page(list(Submission.objects.raw(sql, params)), number, self)


def cached_page_query(submissions, fields, offset, size, today, with_health):
    """page_query for these (unordered) submissions, kept per worker by the SQL that
    selects them: writing out the parts' SQL costs about 1 ms, several times what
    running it does."""
    sql, params = submissions.values("pk").query.sql_with_params()
    key = (sql, repr(params), tuple(fields), offset, size, today, with_health)
    query = _page_queries.get(key)
    if query is None:
        if len(_page_queries) >= 128:
            _page_queries.clear()
        parts = queue_parts(submissions, today, with_health=with_health)
        query = _page_queries[key] = page_query(parts, fields, offset, size)
    return query


_page_queries = {}


def page_query(parts, fields, offset, size):
    """SQL and parameters for `size` submissions from `offset` on, through `parts` taken
    one after the other. Each part gives at most offset + size of its first ids,
    numbered in its own order, which the indexes alone can give while filtering; then
    only the page's rows are read."""
    members, params = [], []
    for number, part in enumerate(parts):
        numbered = part.annotate(
            part=Value(number), place=Window(RowNumber(), order_by=part.query.order_by)
        )
        query = numbered.values_list("pk", "part", "place")[: offset + size].query
        sql, part_params = query.sql_with_params()
        members.append(f"SELECT * FROM ({sql}) AS part{number}")  # noqa: S608
        params.extend(part_params)
    union = " UNION ALL ".join(members)
    quote = connection.ops.quote_name
    columns = ", ".join(
        f"s.{quote(Submission._meta.get_field(name).column)}" for name in ["id", *fields]
    )
    sql = (  # Django's SQL and our own names only
        f"SELECT {columns} FROM {Submission._meta.db_table} AS s JOIN ("  # noqa: S608
        f"SELECT pk, part, place FROM ({union}) AS parts "
        "ORDER BY part, place LIMIT %s OFFSET %s"
        ") AS page ON s.id = page.pk ORDER BY page.part, page.place"
    )
    return sql, (*params, size, offset)


@dataclass(frozen=True)
class Row:
    """One queue line, worked out once so the template only prints it."""

    reference: str
    url: str
    name: str
    age: int
    consult: str
    urgent: bool
    status: str
    highlight: bool
    flags: list
    sent: str


def rows(submissions, with_health):
    prefix = reverse("staff:submission", args=["REF"]).replace("REF/", "")
    today = timezone.localdate()
    zone = timezone.get_current_timezone()
    return [
        Row(
            reference=s.reference,
            url=f"{prefix}{s.reference}/",
            name=s.full_name,
            age=s.age,
            consult=s.consult_date.strftime("%-d %b %Y") if s.consult_date else "Not booked",
            urgent=s.consult_soon_unreviewed(today),
            status=s.status_for(with_health),
            highlight=s.flagged and s.status == ReviewStatus.NOT_REVIEWED,
            flags=[flag["name"] for flag in s.flags] if with_health else [],
            sent=s.created_at.astimezone(zone).strftime("%-d %b %Y"),
        )
        for s in submissions
    ]


def filter_fields(form):
    """Each filter with its options marked, so the template does no form lookups."""
    data = form.data
    fields = []
    for name, field in form.fields.items():
        value = str(data.get(name, ""))
        options = [(str(v), label, str(v) == value) for v, label in getattr(field, "choices", [])]
        error = form.errors.get(name, [""])[0] if form.is_bound else ""
        fields.append(
            {
                "name": name,
                "label": field.label,
                "value": value,
                "options": options,
                "error": error,
            }
        )
    return fields
