"""The patient pages the benchmark measures make a fixed number of queries, whatever the
number of submissions. (The topic index and topic page are pinned in
tests/content/test_topic_caching.py.)"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.patients import CONTACT, all_no_answers
from tests.staff.conftest import add_submissions

pytestmark = pytest.mark.django_db


def queries(client, method, path, data=None):
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path, data or {})
    assert response.status_code in (200, 302), (path, response.status_code)
    return len(captured)


@pytest.mark.parametrize("count", [10, 1000])
def test_patient_pages_make_the_same_queries_at_any_size(client, count):
    add_submissions(count)
    client.get("/")
    client.get("/screening/about-you/")  # the clinic and questionnaire are now remembered
    assert queries(client, "get", "/") == 0  # a cached page
    assert queries(client, "get", "/screening/about-you/") == 0  # the cached blank step
    client.post("/screening/about-you/", CONTACT)
    for step in ["treatment", "medicines", "skin-and-immunity", "other-conditions"]:
        client.post(f"/screening/{step}/", all_no_answers(pregnant="yes"))
    # the new submission, its flags, and (in the test's transaction) a savepoint pair
    assert queries(client, "post", "/screening/check-your-answers/", {"consent": "on"}) == 4
