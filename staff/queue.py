"""The review queue: which submissions a filter selects, and the counts beside it."""

from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from screening import limits
from screening.models import ReviewStatus, Submission
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
        submissions = submissions.filter(status=data["status"])
    if data.get("flag"):
        submissions = submissions.raising(data["flag"])
    consult = data.get("consult")
    if consult == "soon":
        submissions = submissions.filter(consult_date__range=(today, today + timedelta(2)))
    elif consult == "week":
        submissions = submissions.filter(consult_date__range=(today, today + timedelta(7)))
    elif consult == "none":
        submissions = submissions.filter(consult_date__isnull=True)
    elif consult == "past":
        submissions = submissions.filter(consult_date__lt=today)
    return submissions.in_queue_order() if with_health else submissions.in_booking_order()


def shown_fields(with_health):
    """The columns a queue page reads. The flags only for staff who may see them: for
    anyone else they are never read, so never decrypted."""
    return [*QUEUE_FIELDS, "flags"] if with_health else QUEUE_FIELDS


def status_counts(cached=None):
    """Submissions per status, from the shared cache: counting 100,000 rows on every page
    view would make the queue slower as the clinic's data grows. `cached`: what the page
    already read from the cache (see `cached_state`)."""
    counts = cache.get(COUNTS_KEY) if cached is None else cached.get(COUNTS_KEY)
    if counts is None:
        counts = dict(Submission.objects.values_list("status").annotate(n=Count("id")))
        cache.set(COUNTS_KEY, counts, 60)
    return [(status, counts.get(status.value, 0)) for status in ReviewStatus]


def cached_state():
    """The counts and the questionnaire's clinic-wide count, in one cache round trip."""
    return cache.get_many([COUNTS_KEY, limits.CLINIC_KEY])


class QueuePaginator(Paginator):
    """The queue's pages. With no filter, `total` comes from the cached counts and the
    queue-order index gives the page's rows directly. With a filter, a page is read in
    two steps inside one query: the page's ids, which the indexes alone can give in
    queue order, then only those rows. Reading whole rows while filtering visits every
    matching row (thousands, at 100,000 submissions) to keep 25."""

    def __init__(self, object_list, per_page, total=None, fields=QUEUE_FIELDS):
        super().__init__(object_list.only(*fields), per_page)
        self.total = total
        self.fields = fields

    @cached_property
    def count(self):
        return self.total if self.total is not None else super().count

    def page(self, number):
        page = super().page(number)
        if self.total is None:
            ids = page.object_list.values("pk")  # the sliced, still unevaluated queryset
            page.object_list = (
                Submission.objects.filter(pk__in=ids)
                .order_by(*self.object_list.query.order_by)
                .only(*self.fields)
            )
        return page


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
            status=s.get_status_display(),
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
