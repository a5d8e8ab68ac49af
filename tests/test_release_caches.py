"""A release runs `migrate`; no question cached before it is asked after it, even when a
data migration reworded it without sending save signals. (Topic pages: test_topic_caching.)"""

import logging
import socket

import pytest
from django.core.management import call_command
from django.test import override_settings

from screening.models import Question

pytestmark = pytest.mark.django_db


def test_a_question_reworded_by_a_migration_is_asked_after_migrating(client):
    client.get("/screening/about-you/")
    client.get("/screening/medicines/")
    Question.objects.filter(key="pregnant").update(text="Might you be expecting a baby?")
    assert (
        b"Are you pregnant, or could you be pregnant?"
        in client.get("/screening/medicines/").content
    )
    call_command("migrate", verbosity=0)
    assert b"Might you be expecting a baby?" in client.get("/screening/medicines/").content


def test_migrating_while_the_cache_is_down_still_succeeds_and_says_so(caplog):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    unreachable = {
        "BACKEND": "mesoinfo.cache.ReusingRedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
    }
    caches_down = override_settings(CACHES={"default": unreachable, "sessions": unreachable})
    with caches_down, caplog.at_level(logging.WARNING, logger="mesoinfo.recent"):
        call_command("migrate", verbosity=0)
    assert "could not clear the shared cache" in caplog.text


def test_the_pregnancy_hint_names_the_not_sure_answer_in_curly_quotes():
    hint = Question.objects.get(key="pregnant").help_text
    assert hint == "Choose “Not sure” if there is any chance."
