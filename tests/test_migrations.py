"""T66: every app's migrations can be undone to zero and done again, with data in place."""

import io
import uuid
from importlib import import_module

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from screening import audit
from screening.models import AuditEvent, Submission
from tests.staff.conftest import make_submission


# serialized_rollback: put the starter questions back after the flush, like the other
# tests that need real transactions
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("app", ["screening", "content", "staff"])
def test_an_apps_migrations_undo_to_zero_and_apply_again(app):
    make_submission(flags=["pregnancy"])
    quiet = {"stdout": io.StringIO(), "verbosity": 0}
    call_command("migrate", app, "zero", **quiet)
    assert not any(t.startswith(f"{app}_") for t in connection.introspection.table_names())
    call_command("migrate", **quiet)
    assert any(t.startswith(f"{app}_") for t in connection.introspection.table_names())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_going_back_past_the_wider_audit_detail_keeps_long_details_whole():
    references = [f"AAAA-{n:04d}" for n in range(100)]
    event = audit.record(AuditEvent.Action.LIST, detail=AuditEvent.list_detail(references, 1))
    quiet = {"stdout": io.StringIO(), "verbosity": 0}
    call_command("migrate", "screening", "0033", **quiet)
    call_command("migrate", **quiet)
    assert AuditEvent.objects.get(pk=event.pk).detail == event.detail


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_gives_existing_submissions_the_key_their_name_is_searched_by(
    monkeypatch,
):
    before = [("screening", "0036_keywords_from_the_second_patient_probe")]
    MigrationExecutor(connection).migrate(before)
    old = MigrationExecutor(connection).loader.project_state(before).apps
    required = {
        "date_of_birth": "1980-01-01", "questionnaire_version": "v", "answers": [],
        "consent_version": "v", "consent_text": "I agree", "consent_given_at": "2026-01-01T00:00Z",
    }  # fmt: skip
    made = {
        typed: old.get_model("screening", "Submission").objects.create(
            token=uuid.uuid4(), full_name=name, **required
        )
        for name, typed in [("Zoë O\u2019Brien", "zoe obrien"), ("José Álvarez", "jose"),
                            ("Anna Müller", "muller")]
    }  # fmt: skip
    migration = import_module("screening.migrations.0038_fill_name_keys")
    monkeypatch.setattr(migration, "BATCH", 1)  # so that rows after the first page count
    try:
        call_command("migrate", stdout=io.StringIO(), verbosity=0)
        for typed, submission in made.items():
            assert [s.pk for s in Submission.objects.matching(typed)] == [submission.pk]
    finally:
        call_command("migrate", stdout=io.StringIO(), verbosity=0)
