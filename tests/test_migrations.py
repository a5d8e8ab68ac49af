"""T66: every app's migrations can be undone to zero and done again, with data in place."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

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
