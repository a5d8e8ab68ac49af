"""Each write step made to fail in turn: nothing half-saved, and a friendly answer."""

import pytest
from django.apps import apps
from django.db import OperationalError
from django.test import Client

from screening import audit
from screening.models import RaisedFlag, Review, Submission
from tests.conftest import verified_login
from tests.patients import all_no_answers
from tests.security.figures import count

pytestmark = pytest.mark.django_db


def row_counts():
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()
            if m._meta.app_label in {"screening", "content"}}  # fmt: skip


def fail(*args, **kwargs):
    count("faults injected")
    raise OperationalError("injected fault")


SUBMIT_STEPS = [
    (Submission.objects, "create"),
    (RaisedFlag.objects, "bulk_create"),
]


@pytest.mark.parametrize(("target", "method"), SUBMIT_STEPS, ids=["submission", "flags"])
def test_failing_submission_step_saves_nothing_and_keeps_the_answers(
    target, method, monkeypatch, complete_questionnaire
):
    before = row_counts()
    monkeypatch.setattr(target, method, fail)
    response = complete_questionnaire(all_no_answers(pregnant="yes", medicines="ZZKEEP"))
    assert response.status_code == 503
    assert "ZZKEEP" in response.content.decode()
    assert row_counts() == before


STAFF_STEPS = [
    (Review.objects, "create"),
    (audit, "record"),
]


@pytest.mark.parametrize(("target", "method"), STAFF_STEPS, ids=["review", "audit"])
def test_failing_review_step_leaves_the_submission_unchanged(
    target, method, monkeypatch, complete_questionnaire, admin_user
):
    complete_questionnaire()
    submission = Submission.objects.get()
    staff = verified_login(Client(raise_request_exception=False), admin_user)
    before = row_counts()
    monkeypatch.setattr(target, method, fail)
    response = staff.post(submission.get_absolute_url(), {"decision": "cleared", "version": 1,
                                                          "note": "n"})  # fmt: skip
    assert response.status_code == 503
    assert "Sorry, the service is busy" in response.content.decode()
    assert row_counts() == before
    submission.refresh_from_db()
    assert (submission.status, submission.version) == ("new", 1)


def test_failing_purge_keeps_the_submission_it_could_not_audit(
    monkeypatch, complete_questionnaire
):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    complete_questionnaire()
    Submission.objects.update(created_at=timezone.now() - timedelta(days=400), consult_date=None)
    monkeypatch.setattr(audit, "record", fail)
    with pytest.raises(OperationalError):
        call_command("purge_submissions")
    assert Submission.objects.count() == 1
