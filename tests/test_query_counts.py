"""Every page the benchmark measures makes a fixed number of queries, whatever the data.

(The topic index and topic page are pinned in tests/content/test_topic_caching.py, the
filtered queue in tests/staff/test_queue.py.)
"""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from screening.models import RaisedFlag, Submission
from tests.conftest import verified_login
from tests.patients import CONTACT, all_no_answers
from tests.staff.conftest import make_submission

pytestmark = pytest.mark.django_db
POSTGRES = connection.vendor == "postgresql"


def add_submissions(count):
    template = make_submission(flags=["pregnancy"])
    clones = []
    for n in range(count - 1):
        fields = {f.attname: getattr(template, f.attname) for f in Submission._meta.fields}
        fields.update(id=None, token=uuid.uuid4(), reference=f"Q{n:03d}-{n % 10000:04d}"[:9])
        clones.append(Submission(**fields))
    Submission.objects.bulk_create(clones, batch_size=500)
    RaisedFlag.objects.bulk_create(RaisedFlag(submission=s, code="pregnancy") for s in clones)
    return template


def queries(client, method, path, data=None):
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path, data or {})
    assert response.status_code in (200, 302), (path, response.status_code)
    return len(captured)


def ready_to_send(client):
    client.get("/screening/about-you/")
    client.post("/screening/about-you/", CONTACT)
    for step in ["treatment", "medicines", "skin-and-immunity", "other-conditions"]:
        client.post(f"/screening/{step}/", all_no_answers(pregnant="yes"))


@pytest.mark.parametrize("count", [10, 1000])
def test_patient_pages_make_the_same_queries_at_any_size(client, count):
    add_submissions(count)
    client.get("/")  # the clinic's details and the questionnaire are then remembered
    assert queries(client, "get", "/") == 0  # a cached page
    assert queries(client, "get", "/screening/about-you/") == 0  # the cached blank step
    ready_to_send(client)
    # the new submission, its flags, and (in the test's transaction) a savepoint pair
    assert queries(client, "post", "/screening/check-your-answers/", {"consent": "on"}) == 4


@pytest.mark.parametrize("count", [10, 1000])
def test_staff_pages_make_the_same_queries_at_any_size(client, staff_user, count):
    submission = add_submissions(count)
    client = verified_login(client, staff_user("Clinician"))
    client.get("/staff/")  # remembers the user, their permissions and the clinic
    audit = 1 if POSTGRES else 4  # one function call, or savepoint, last hash, insert, release
    assert queries(client, "get", "/staff/") == 1 + audit  # rows; the counts are cached
    # the submission, its reviews
    assert queries(client, "get", submission.get_absolute_url()) == 2 + audit
