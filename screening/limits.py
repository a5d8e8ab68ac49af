"""How many questionnaires may be sent in an hour: from one device or network, and to
the whole clinic.

The clinic-wide limit is there for a flood from many addresses at once, which would
otherwise bury real patients in the staff queue; set it well above the busiest real hour.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache

from mesoinfo.cache import count_hit
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


def _device_count(request):
    client = hashlib.sha256(str(client_ip(request)).encode()).hexdigest()[:16]
    return count_hit(cache, f"screening:rate:{client}", HOUR)
