"""Rendered public pages, kept in the shared cache and answered with 304 when unchanged.

Every change to a topic or to the clinic's details moves one "content version"
in the shared cache, so every worker process stops serving the old pages at once.
"""

import hashlib
import time
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from content.models import CLINIC_CACHE_KEY

VERSION_KEY = "content:version"
PAGE_TIMEOUT = 60 * 60 * 24


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, int(time.time()), None)
        version = cache.get(VERSION_KEY)
    return version


def content_changed(**kwargs):
    """Signal receiver: a topic or the clinic's details changed."""
    # Never move backwards, even when two edits land within the same second.
    cache.set(VERSION_KEY, max(int(time.time()), (cache.get(VERSION_KEY) or 0) + 1), None)
    cache.delete(CLINIC_CACHE_KEY)


def cached_public_page(view):
    """Serve the view from the shared cache for visitors; staff always see it fresh."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_staff:
            return view(request, *args, **kwargs)
        version = content_version()
        etag = '"{}"'.format(hashlib.sha256(f"{version}{request.path}".encode()).hexdigest()[:20])
        last_modified = version
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            response = _cached_or_rendered(request, view, args, kwargs, version)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        return response

    return wrapper


def _cached_or_rendered(request, view, args, kwargs, version):
    key = f"page:{version}:{request.path}"
    content = cache.get(key)
    if content is None:
        response = view(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        response.render()
        content = response.content
        cache.set(key, content, PAGE_TIMEOUT)
    return HttpResponse(content)
