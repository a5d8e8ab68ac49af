"""Rendered public pages, kept in the shared cache and answered with 304 when unchanged.

Every change to a topic or to the clinic's details moves one "content version"
in the shared cache, so every worker process stops serving the old pages at once.
"""

import hashlib
import time
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from content.models import CLINIC_CACHE_KEY

VERSION_KEY = "content:version"
PAGE_TIMEOUT = 60 * 60 * 24
# Rendered pages this process has served, keyed by the shared content version: a new
# version makes new keys, so an old page is never served after an edit.
_local_pages = {}
_LOCAL_LIMIT = 500


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time(), None)
        version = cache.get(VERSION_KEY)
    return version


def content_changed(**kwargs):
    """Signal receiver: a topic or the clinic's details changed."""
    # Never move backwards, even when two edits land within the same second.
    cache.set(VERSION_KEY, max(time.time(), (cache.get(VERSION_KEY) or 0) + 1), None)
    cache.delete(CLINIC_CACHE_KEY)


def cached_public_page(view):
    """Serve the view from the shared cache for visitors; staff always see it fresh."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_staff:
            return view(request, *args, **kwargs)
        version = content_version()
        etag = etag_for(version, request.path)
        last_modified = int(version)
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            response = _cached_or_rendered(request, view, args, kwargs, version)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        return response

    return wrapper


def etag_for(version, path):
    return '"{}"'.format(hashlib.sha256(f"{version}{path}".encode()).hexdigest()[:20])


def _cached_or_rendered(request, view, args, kwargs, version):
    local_key = (version, request.path)
    content = _local_pages.get(local_key)
    if content is None:
        key = f"page:{version}:{request.path}"
        content = cache.get(key)
        if content is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200:
                return response
            response.render()
            content = response.content
            cache.set(key, content, PAGE_TIMEOUT)
        if len(_local_pages) >= _LOCAL_LIMIT:
            _local_pages.clear()
        _local_pages[local_key] = content
    return HttpResponse(content)


class NotModifiedMiddleware:
    """Answer a revalidation of an unchanged public page with 304 before sessions, auth and
    the view run: the ETag depends only on the shared content version and the path."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        etag = request.META.get("HTTP_IF_NONE_MATCH")
        if self.unchanged(request, etag):
            response = HttpResponseNotModified()
            response["ETag"] = etag
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            return response
        return self.get_response(request)

    @staticmethod
    def unchanged(request, etag):
        return (
            bool(etag)
            and request.method in ("GET", "HEAD")
            and is_cached_path(request.path)
            and etag == etag_for(content_version(), request.path)
        )


def is_cached_path(path):
    return path == "/" or (path.startswith("/topics/") and not path.startswith("/topics/search"))
