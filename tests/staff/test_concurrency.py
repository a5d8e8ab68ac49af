from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.db import connection

from screening import services
from screening.models import Review, Submission
from tests.staff.conftest import make_submission

# serialized_rollback puts the starter questions and topics back after the flush, so
# the tests that run after these still find them.
pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_twenty_staff_saving_the_same_version_at_once_one_wins_the_rest_are_told(staff_user):
    submission = make_submission()
    users = [staff_user("Clinician") for _ in range(20)]
    barrier = Barrier(20)

    def save(user):
        barrier.wait()
        try:
            services.record_review(
                submission=submission, version=1, user=user, request=None,
                decision="discuss", note=f"note by {user.username}",
            )  # fmt: skip
            return "saved"
        except services.StaleEdit:
            return "told"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(save, users))
    assert sorted(outcomes).count("saved") == 1
    assert outcomes.count("told") == 19
    assert Review.objects.count() == 1
    assert Submission.objects.get().version == 2


def test_twenty_staff_writing_audit_events_at_once_keep_one_unbroken_chain():
    from django.core.management import call_command

    from screening import audit
    from screening.models import AuditEvent

    barrier = Barrier(20)

    def write(n):
        barrier.wait()
        try:
            audit.record(AuditEvent.Action.VIEW, reference=f"RACE-{n:04d}")
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(write, range(20)))
    assert AuditEvent.objects.count() == 20
    call_command("verify_audit_chain")
