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


# No page uses these, so no script that finds its way in may ask for them either.
PERMISSIONS_POLICY = "camera=(), geolocation=(), microphone=(), payment=(), usb=()"


class RequestIdMiddleware:
    """Give every request a short id, shown on error pages and sent as X-Request-ID, so a
    patient can quote it and staff can find the matching log line. Every response also
    gets the Permissions-Policy here, the outermost layer, so cached pages carry it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = uuid.uuid4().hex[:12]
        response = self.get_response(request)
        response["X-Request-ID"] = request.id
        response["Permissions-Policy"] = PERMISSIONS_POLICY
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


class ServiceUnavailableMiddleware:
    """Failures the visitor cannot fix get a 503 that says what to do, not a 500:
    - a database outage: try again in a minute;
    - a stored value this server's keys cannot open (MESOINFO_FIELD_KEYS without the key
      it was stored with): staff are told what to fix. Readiness catches a wrong key at
      deployment; this covers a key removed too early, row by row."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (DatabaseError, UnreadableValue)):
            return None
        request_id = getattr(request, "id", "")
        context = {"clinic": Clinic.placeholder(), "request_id": request_id}
        if isinstance(exception, DatabaseError):
            logger.warning("Database unavailable while serving request %s", request_id)
            response = render(request, "503.html", context, status=503)
            response["Retry-After"] = "30"
            return response
        logger.error("%s (request %s)", exception, request_id)
        staff_page = request.path.startswith(("/staff/", "/admin/"))
        return render(request, "503_keys.html" if staff_page else "503.html", context, status=503)


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
