"""How many questionnaires may be sent in an hour: from one device or network, and to
the whole clinic.

The clinic-wide limit is there for a flood from many addresses at once, which would
otherwise bury real patients in the staff queue; set it well above the busiest real hour.
"""

import hashlib
import logging
import math

from django.conf import settings
from django.core.cache import cache

from mesoinfo.cache import count_hit, seconds_left
from mesoinfo.clientip import client_ip

HOUR = 60 * 60
DEVICE = "device"
CLINIC = "clinic"
CLINIC_KEY = "screening:rate:clinic"

logger = logging.getLogger(__name__)


def limit_reached(request):
    """Count this send against both limits. Returns the limit it goes over, DEVICE or
    CLINIC, or None. While the form is paused for the clinic nothing is counted, so a
    patient who tries again is not then told their device sent too many. A send over
    the device limit is not counted for the clinic, so one busy address cannot close
    the form for everyone else."""
    if clinic_limit_reached():
        return CLINIC
    if _device_count(request) > settings.SCREENING_SUBMISSIONS_PER_HOUR:
        return DEVICE
    count = count_hit(cache, CLINIC_KEY, HOUR)
    limit = settings.SCREENING_CLINIC_SUBMISSIONS_PER_HOUR
    if count <= limit:
        return None
    if count == limit + 1:
        logger.error(
            "The questionnaire reached its clinic-wide limit of %s sends an hour; "
            "patients are asked to try later or phone until the hour is up.",
            limit,
        )
    return CLINIC


def clinic_limit_reached(cached=None):
    """True while the clinic-wide limit is turning patients away, for the staff queue.
    `cached`: values the caller already read from the cache, CLINIC_KEY among them."""
    count = cache.get(CLINIC_KEY) if cached is None else cached.get(CLINIC_KEY)
    return (count or 0) > settings.SCREENING_CLINIC_SUBMISSIONS_PER_HOUR


def seconds_to_wait(request, limit):
    """How long until a send turned away by `limit` would be taken: at least a second."""
    key = CLINIC_KEY if limit == CLINIC else _device_key(request)
    return max(1, seconds_left(cache, key))


def try_again_in(seconds):
    """A wait in plain words, rounded up: "in a minute", "in about 25 minutes"."""
    minutes = math.ceil(seconds / 60)
    if minutes <= 1:
        return "in a minute"
    if minutes > 55:
        return "in an hour"
    return f"in about {math.ceil(minutes / 5) * 5} minutes"


def _device_count(request):
    return count_hit(cache, _device_key(request), HOUR)


def _device_key(request):
    client = hashlib.sha256(str(client_ip(request)).encode()).hexdigest()[:16]
    return f"screening:rate:{client}"
