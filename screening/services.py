"""Saving a finished questionnaire: all at once, exactly once."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from screening import audit, consent
from screening.models import (
    AuditEvent,
    RaisedFlag,
    Review,
    ReviewStatus,
    Submission,
)

logger = logging.getLogger(__name__)
QUEUE_COUNTS_KEY = "staff:queue-counts"


def queue_counts_changed():
    cache.delete(QUEUE_COUNTS_KEY)


class StaleEdit(Exception):
    """Someone else saved this submission since the form was loaded."""


class IllegalTransition(Exception):
    """That status change is not allowed from the current status."""


def find_submitted(token):
    return Submission.objects.filter(token=token).first()


def submit(*, questionnaire, session, clinic_name, clinic_email=""):
    """Store the patient's answers with a snapshot of the questions; repeat calls with
    the same session token return the first submission instead of making another."""
    answers = session.answers()
    contact = session.contact()
    raised = questionnaire.raised(answers)
    flags = [flag for flag, _ in raised]
    fields = {
        "full_name": contact["full_name"],
        "date_of_birth": contact["date_of_birth"],
        "email": contact.get("email", ""),
        "phone": contact.get("phone", ""),
        "consult_date": contact.get("consult_date") or None,
        "questionnaire_version": questionnaire.version,
        "answers": questionnaire.snapshot(answers),
        "flags": [flag_record(flag, reasons) for flag, reasons in raised],
        "flagged": bool(flags),
        "consent_version": consent.VERSION,
        "consent_text": consent.text(clinic_name),
        "consent_given_at": timezone.now(),
    }
    # A second send with the same token (a double click, two tabs) hits the token's
    # unique constraint, and the first submission is returned below.
    for _attempt in range(3):
        try:
            with transaction.atomic():
                submission = Submission.objects.create(token=session.token, **fields)
                RaisedFlag.objects.bulk_create(
                    RaisedFlag(submission=submission, code=f.code) for f in flags
                )
                transaction.on_commit(queue_counts_changed)
                if flags:
                    transaction.on_commit(lambda s=submission: notify_clinic(s, clinic_email))
                return submission
        except IntegrityError:
            # Either a request with the same token won the race (keep theirs), or the
            # random reference clashed with another one (try again with a new one).
            submitted = find_submitted(session.token)
            if submitted:
                return submitted
    raise IntegrityError("Could not find a free reference code")


def flag_record(flag, reasons):
    """A raised flag as stored with the submission, with the answers that raised it."""
    return {
        "code": flag.code, "name": flag.name, "explanation": flag.explanation,
        "guidance": flag.guidance,
        "raised_by": [{"key": r.key, "keyword": r.keyword} for r in reasons],
    }  # fmt: skip


def notify_clinic(submission, clinic_email):
    """Tell the clinic's inbox a flagged submission arrived: reference and link only."""
    if not clinic_email:
        return
    link = settings.MESOINFO_SITE_URL + reverse("staff:submission", args=[submission.reference])
    try:
        send_mail(
            subject=f"Screening {submission.reference} needs review",
            message=(
                f"A screening questionnaire with answers to review has arrived.\n\n"
                f"Reference: {submission.reference}\nOpen it (sign-in needed): {link}\n"
            ),
            from_email=None,
            recipient_list=[clinic_email],
        )
    except OSError:
        # The submission is saved; the queue still shows it flagged first.
        logger.warning("Could not email the clinic about submission %s", submission.pk)


def record_review(*, submission, version, user, request, decision="", attendance="", note=""):
    """Record a decision, an attendance change and/or a note, if nobody else saved first.
    A decision or attendance the submission already has is not a change and is left out.
    Returns False when that leaves nothing to record."""
    decision = "" if decision == submission.status else decision
    attendance = "" if attendance == submission.attendance else attendance
    if not (decision or attendance or note):
        return False
    changes = {}
    if decision:
        current = ReviewStatus(submission.status)
        if not current.can_change_to(decision):
            raise IllegalTransition(
                f"It cannot go from {current.label.lower()} to "
                f"{ReviewStatus(decision).label.lower()}."
            )
        changes["status"] = decision
    if attendance:
        changes["attendance"] = attendance
    with transaction.atomic():
        saved = Submission.objects.filter(pk=submission.pk, version=version).update(
            version=F("version") + 1, **changes
        )
        if not saved:
            raise StaleEdit
        transaction.on_commit(queue_counts_changed)
        entries = [
            (Review.Kind.DECISION, decision, AuditEvent.Action.DECISION),
            (Review.Kind.ATTENDANCE, attendance, AuditEvent.Action.ATTENDANCE),
            (Review.Kind.NOTE, "note" if note and not (decision or attendance) else "",
             AuditEvent.Action.NOTE),
        ]  # fmt: skip
        for kind, value, action in entries:
            if value:
                Review.objects.create(
                    submission=submission,
                    author=user,
                    kind=kind,
                    value="" if kind == Review.Kind.NOTE else value,
                    note=note,
                )
                detail = value if kind != Review.Kind.NOTE else ""
                if note and detail:
                    detail += ", with a note"  # that there is one: its words are health data
                note = ""  # the history shows it once, with the first change
                audit.record(action, request=request, reference=submission.reference,
                             detail=detail)  # fmt: skip
    return True


def delete_submissions(submissions, *, action, request=None, user=None, detail=""):
    """Delete submissions with their flags and reviews; the audit keeps only references."""
    deleted = 0
    for reference, pk in submissions.values_list("reference", "pk").iterator():
        with transaction.atomic():
            # Only the id: deleting must not decrypt the answers (nor fail on a row that
            # no configured key opens, which would stop every purge after it).
            Submission.objects.filter(pk=pk).only("pk").delete()
            transaction.on_commit(queue_counts_changed)
            audit.record(action, request=request, user=user, reference=reference, detail=detail)
        deleted += 1
    return deleted
