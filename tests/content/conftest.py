import itertools
from datetime import date, timedelta

import pytest

from content.models import Topic
from tests.conftest import verified_login

_numbers = itertools.count(1)


@pytest.fixture
def make_topic(db):
    def make(**fields):
        n = next(_numbers)
        values = {
            "title": f"Topic {n}",
            "slug": f"topic-{n}",
            "summary": f"A short summary of topic {n}.",
            "body": "## First part\n\nSome words.\n\n## Second part\n\nMore words.",
            "position": n,
            "status": Topic.Status.PUBLISHED,
            "last_reviewed": date(2026, 1, 10),
            "next_review_due": date.today() + timedelta(days=200),
            "reviewer_name": "Dr Ada Example",
            "reviewer_role": "Clinical lead",
        }
        values.update(fields)
        return Topic.objects.create(**values)

    return make


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        "editor", password="not-a-real-password-1", is_staff=True, is_superuser=True
    )
    return verified_login(client, user)
