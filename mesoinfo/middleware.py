import logging
import uuid

from django.conf import settings
from django.db import DatabaseError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from content.models import Clinic
from mesoinfo.encryption import UnreadableValue
from mesoinfo.views import bad_request

logger = logging.getLogger(__name__)


class RequestIdMiddleware:
    """Give every request a short id, shown on error pages and sent as X-Request-ID, so a
    patient can quote it and staff can find the matching log line."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = uuid.uuid4().hex[:12]
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        return response


class RequestSizeLimitMiddleware:
    """Refuse any body over Django's form limit before reading it. Django's own limit
    leaves out file parts, and nothing here takes files, so a 40 MB 'file' in a form
    post would otherwise be read in full."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return bad_request(request)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A database outage gets a friendly 503 that says to try again, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DatabaseError):
            return None
        logger.warning("Database unavailable while serving request %s", getattr(request, "id", ""))
        response = render(request, "503.html", {"clinic": Clinic.placeholder()}, status=503)
        response["Retry-After"] = "30"
        return response


class UnreadableValueMiddleware:
    """A stored value that this server's keys cannot open (MESOINFO_FIELD_KEYS missing
    the key it was stored with) gets a 503 that says what to fix, not a 500. Readiness
    catches this at deployment; this covers a key removed too early, row by row."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UnreadableValue):
            return None
        logger.error("%s (request %s)", exception, getattr(request, "id", ""))
        staff_page = request.path.startswith(("/staff/", "/admin/"))
        template = "503_keys.html" if staff_page else "503.html"
        context = {"clinic": Clinic.placeholder(), "request_id": getattr(request, "id", "")}
        return render(request, template, context, status=503)


class PrivatePagesNeverCachedMiddleware:
    """Pages under the private areas are never stored by browsers or proxies, including
    their error pages, which views' own never_cache decorators do not reach."""

    PRIVATE = ("/screening/", "/staff/", "/admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.PRIVATE):
            add_never_cache_headers(response)
        return response
