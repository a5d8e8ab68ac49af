"""The review queue: which submissions a filter selects, and the counts beside it."""

from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from screening.models import ReviewStatus, Submission


def filtered(data):
    """Submissions matching the queue's cleaned filter data, in queue order."""
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
    return submissions.in_queue_order()


def status_counts():
    counts = dict(Submission.objects.values_list("status").annotate(n=Count("id")))
    return [(status, counts.get(status.value, 0)) for status in ReviewStatus]
