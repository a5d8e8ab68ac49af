"""Saving a finished questionnaire: all at once, exactly once."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from screening import consent
from screening.models import Submission


def find_submitted(token):
    return Submission.objects.filter(token=token).first()


def submit(*, questionnaire, session, clinic_name):
    """Store the patient's answers with a snapshot of the questions; repeat calls with
    the same session token return the first submission instead of making another."""
    answers = session.answers()
    contact = session.contact()
    flags = questionnaire.flags(answers)
    fields = {
        "full_name": contact["full_name"],
        "date_of_birth": contact["date_of_birth"],
        "email": contact.get("email", ""),
        "phone": contact.get("phone", ""),
        "consult_date": contact.get("consult_date") or None,
        "questionnaire_version": questionnaire.version,
        "answers": questionnaire.snapshot(answers),
        "flags": [
            {"code": f.code, "name": f.name, "explanation": f.explanation, "guidance": f.guidance}
            for f in flags
        ],
        "flagged": bool(flags),
        "consent_version": consent.VERSION,
        "consent_text": consent.text(clinic_name),
        "consent_given_at": timezone.now(),
    }
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return Submission.objects.get_or_create(token=session.token, defaults=fields)[0]
        except IntegrityError:
            # Either a request with the same token won the race (keep theirs), or the
            # random reference clashed with another one (try again with a new one).
            submitted = find_submitted(session.token)
            if submitted:
                return submitted
    raise IntegrityError("Could not find a free reference code")
