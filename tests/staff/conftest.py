import itertools
import uuid
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from screening.models import RaisedFlag, Submission
from tests.conftest import verified_login

_numbers = itertools.count(1)
ROLES = ["Reception", "Clinician", "Auditor"]


def make_submission(*, flags=(), consult_in=None, status="new", name=None, created=None):
    n = next(_numbers)
    submission = Submission.objects.create(
        token=uuid.uuid4(),
        full_name=name or f"Patient {n}",
        date_of_birth=date(1980, 1, 1),
        email=f"p{n}@example.com",
        consult_date=None if consult_in is None else timezone.localdate() + timedelta(consult_in),
        questionnaire_version="test",
        answers=[
            {
                "key": "pregnant",
                "question": "Are you pregnant?",
                "answer": "no",
                "answer_text": "No",
                "section": "x",
                "hint": "",
            }
        ],  # fmt: skip
        flags=[{"code": c, "name": c.title(), "explanation": "", "guidance": ""} for c in flags],
        flagged=bool(flags),
        consent_version="v",
        consent_text="I agree",
        consent_given_at=timezone.now(),
        status=status,
    )
    RaisedFlag.objects.bulk_create(RaisedFlag(submission=submission, code=c) for c in flags)
    if created:
        Submission.objects.filter(pk=submission.pk).update(created_at=created)
    return submission


def add_submissions(count):
    """`count` flagged submissions, made quickly: the first one, then bulk copies."""
    template = make_submission(flags=["pregnancy"])
    clones = []
    for n in range(count - 1):
        fields = {f.attname: getattr(template, f.attname) for f in Submission._meta.fields}
        fields.update(id=None, token=uuid.uuid4(), reference=f"Q{n:03d}-{n % 10000:04d}"[:9])
        clones.append(Submission(**fields))
    Submission.objects.bulk_create(clones, batch_size=500)
    RaisedFlag.objects.bulk_create(RaisedFlag(submission=s, code="pregnancy") for s in clones)
    return template


@pytest.fixture
def submission_factory(db):
    return make_submission


@pytest.fixture
def staff_user(db, django_user_model):
    def make(*roles, username=None):
        user = django_user_model.objects.create_user(
            username or f"staff{next(_numbers)}", password="correct horse battery 9"
        )
        user.groups.set(Group.objects.filter(name__in=roles))
        return user

    return make


@pytest.fixture
def signed_in(client, staff_user):
    """A client signed in (with the second factor) as a member of the given roles."""

    def sign_in(*roles):
        return verified_login(client, staff_user(*roles))

    return sign_in
