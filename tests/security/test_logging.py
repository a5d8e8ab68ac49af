"""Log lines (T43, T40): UTC timestamps, the error page's reference, and nothing a
visitor sends can forge a line or hide one with terminal escapes."""

import logging
import re

import pytest
from django.test import Client

from mesoinfo.logformat import SafeFormatter

pytestmark = pytest.mark.django_db
UTC_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ")


def as_written(records):
    """The records as the site's console handler writes them."""
    handler = next(
        h for h in logging.getLogger().handlers if isinstance(h.formatter, SafeFormatter)
    )
    lines = []
    for record in records:
        for log_filter in handler.filters:
            log_filter.filter(record)
        lines.append(handler.format(record))
    return lines


def test_a_line_break_sent_in_a_url_cannot_forge_a_log_line(caplog):
    client = Client(enforce_csrf_checks=True)
    forged = "/staff/submissions/AB%0a2026-11-22 INFO staff audit chain reset OK%1b[2K/"
    assert client.post(forged).status_code == 403
    lines = as_written(r for r in caplog.records if "CSRF" in r.getMessage())
    assert lines
    assert all("\n" not in line and "\x1b" not in line for line in lines)
    assert "AB\\n2026-11-22 INFO" in lines[0]


def test_server_error_log_line_carries_the_reference_shown_to_the_visitor(caplog, settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.security.urls_with_error"
    client = Client(raise_request_exception=False)
    response = client.post("/test-failure/", {"medicines": "x"})
    assert response.status_code == 500
    reference = re.search(r"error reference <code>(\w+)</code>", response.content.decode())[1]
    lines = as_written(r for r in caplog.records if r.name == "django.request")
    assert any(f"[{reference}]" in line for line in lines)


def test_log_lines_start_with_a_utc_timestamp(caplog):
    logging.getLogger("mesoinfo").warning("something to note")
    lines = as_written(caplog.records)
    assert lines and all(UTC_STAMP.match(line) for line in lines)


def test_a_line_break_in_an_error_message_cannot_forge_a_line_in_its_traceback(caplog):
    try:
        raise ValueError("bad path /x\n2026-11-22T00:00:00.000Z INFO forged")
    except ValueError:
        logging.getLogger("mesoinfo").exception("failed")
    written = as_written(caplog.records)[0]
    assert all(line.startswith("  | ") for line in written.splitlines()[1:])
