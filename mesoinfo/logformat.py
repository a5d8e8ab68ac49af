"""How log lines are written: UTC timestamps, the request's reference, and no raw
control characters, so nothing a visitor sends can forge or hide a log line."""

import logging
import re
import time

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escaped(match):
    return match.group().encode("unicode_escape").decode()


class SafeFormatter(logging.Formatter):
    converter = time.gmtime
    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = "%s.%03dZ"

    def formatMessage(self, record):
        return CONTROL.sub(_escaped, super().formatMessage(record))

    def formatException(self, exc_info):
        # A traceback's message may quote what a visitor sent. Each of its lines is marked
        # and escaped, so none can pass for a log line of its own.
        lines = super().formatException(exc_info).splitlines()
        return "\n".join("  | " + CONTROL.sub(_escaped, line) for line in lines)


class RequestIdFilter(logging.Filter):
    """Adds the reference a visitor sees on the error page ('-' outside a request)."""

    def filter(self, record):
        record.request_id = getattr(getattr(record, "request", None), "id", "-")
        return True
