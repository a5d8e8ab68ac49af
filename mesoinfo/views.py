"""Site-wide views: the health checks, the icon's old address and friendly error pages."""

import logging

from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache

from mesoinfo.encryption import newest_value_opens
from screening.models import Submission

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """Is this process alive? Answers without the database, so that a database outage
    does not make an orchestrator restart healthy app processes."""
    return HttpResponse("ok\n", content_type="text/plain")


@cache_control(public=True, max_age=86400)
def favicon(request):
    """Browsers that ignore the pages' SVG icon, and crawlers, ask for /favicon.ico: send
    them to the icon among the static files. Not a permanent redirect: the file's name
    there changes when the icon does."""
    return HttpResponseRedirect(static("img/favicon.ico"))


@never_cache
def readyz(request):
    """Can this process serve pages? Only if it can reach the database, and its keys open
    the answers stored there (a wrong MESOINFO_FIELD_KEYS shows here, at deployment, not
    as an error on every staff page)."""
    try:
        keys_work = newest_value_opens(Submission, "flags")
    except DatabaseError:
        logger.warning("Health check: database unreachable")
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    if not keys_work:
        logger.error("Health check: no key in MESOINFO_FIELD_KEYS opens the stored answers")
        return HttpResponse(
            "encryption keys do not match\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # The error may be the database itself, so this page must render without it.
    try:
        context = {"clinic": None, "request_id": getattr(request, "id", "")}
        html = render_to_string("500.html", context, request=None)
    except Exception:  # noqa: BLE001 - last resort: never let the error page fail
        return HttpResponseServerError("Sorry, something went wrong on our side.")
    return HttpResponseServerError(html)


def csrf_failure(request, reason=""):
    logger.warning("CSRF check failed on %s", request.path)
    return render(request, "403_csrf.html", status=403)
