"""T66: every app's migrations can be undone to zero and done again, with data in place."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from screening import audit
from screening.models import AuditEvent
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
