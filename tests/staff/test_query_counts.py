"""The staff pages the benchmark measures make a fixed number of queries, whatever the
number of submissions. (The filtered queue is pinned in test_queue.py.)"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import verified_login
from tests.staff.conftest import add_submissions

pytestmark = pytest.mark.django_db


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("count", [10, 1000])
def test_staff_pages_make_the_same_queries_at_any_size(client, staff_user, count):
    submission = add_submissions(count)
    client = verified_login(client, staff_user("Clinician"))
    client.get("/staff/")  # remembers the user, their permissions and the clinic
    # the audit event: one function call, or savepoint, last hash, insert and release
    audit = 1 if connection.vendor == "postgresql" else 4
    assert queries(client, "/staff/") == 1 + audit  # the rows; the counts are cached
    # the submission, its reviews
    assert queries(client, submission.get_absolute_url()) == 2 + audit


def export_reads(client, count):
    """The queries the export makes of the submissions table (the audit log's appends
    are one per row on SQLite, a development database, and pinned elsewhere)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/staff/export.csv")
        lines = b"".join(response.streaming_content).count(b"\r\n")
    assert lines == count + 1  # and the header
    return [q["sql"] for q in captured if 'FROM "screening_submission"' in q["sql"]]


@pytest.mark.parametrize("count", [10, 200])
def test_the_csv_export_reads_its_rows_in_the_same_queries_at_any_size(client, staff_user, count):
    add_submissions(count)
    client = verified_login(client, staff_user("Clinician"))
    reads = export_reads(client, count)
    assert len(reads) == 2  # the ids the audit log names, then the rows themselves
    assert all(column in reads[1] for column in ('"email"', '"phone"', '"attendance"'))
