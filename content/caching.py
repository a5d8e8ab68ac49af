"""Rendered public pages, kept in the shared cache and answered with 304 when unchanged.

Every change to a topic or to the clinic's details moves one "content version"
in the shared cache, so every worker process stops serving the old pages at once.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from content.models import CLINIC_CACHE_KEY
from mesoinfo.recent import Recent, forget_all, now_and_on_commit

VERSION_KEY = "content:version"
PAGE_TIMEOUT = 60 * 60 * 24
# Rendered pages this process has served, keyed by the shared content version: a new
# version makes new keys, so an old page is never served after an edit.
_local_pages = {}
_LOCAL_LIMIT = 500


_seen_version = Recent()


def content_version():
    """The shared content version; an edit in any worker reaches this one within a second."""
    return _seen_version.get(_read_version)


def _read_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time(), None)
        version = cache.get(VERSION_KEY)
    return version


def content_changed(**kwargs):
    """Signal receiver: a topic or the clinic's details changed. Moved now and again when
    the edit commits, in case another worker re-cached the old page in between."""
    now_and_on_commit(move_version)


def move_version():
    # Never move backwards, even when two edits land within the same second.
    version = max(time.time(), (cache.get(VERSION_KEY) or 0) + 1)
    cache.set(VERSION_KEY, version, None)
    cache.delete(CLINIC_CACHE_KEY)
    forget_all()


def cached_public_page(view):
    """Serve the view from the shared cache for visitors; staff always see it fresh."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or request.user.is_staff:
            return view(request, *args, **kwargs)
        version = content_version()
        response = get_conditional_response(
            request, etag=etag_for(version, request.path), last_modified=int(version)
        )
        if response is None:
            content = _local_pages.get((version, request.path))
            if content is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200:
                    return response
                content = remember(version, request.path, response.render().content)
            response = HttpResponse(content)
        return with_validators(response, version, request.path)

    return wrapper


def remember(version, path, content):
    if len(_local_pages) >= _LOCAL_LIMIT:
        _local_pages.clear()
    _local_pages[(version, path)] = content
    cache.set(f"page:{version}:{path}", content, PAGE_TIMEOUT)
    return content


def recall(version, path):
    content = _local_pages.get((version, path))
    if content is None:
        content = cache.get(f"page:{version}:{path}")
        if content is not None:
            _local_pages[(version, path)] = content
    return content


def with_validators(response, version, path):
    response["ETag"] = etag_for(version, path)
    response["Last-Modified"] = http_date(int(version))
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


def etag_for(version, path):
    return '"{}"'.format(hashlib.sha256(f"{version}{path}".encode()).hexdigest()[:20])


class NotModifiedMiddleware:
    """A visitor revalidating an unchanged public page gets 304 straight after the security
    headers: their stored copy already carries the page's other headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        etag = request.META.get("HTTP_IF_NONE_MATCH")
        if etag and PublicPageMiddleware.eligible(request):
            version = content_version()
            if etag == etag_for(version, request.path):
                return with_validators(HttpResponseNotModified(), version, request.path)
        return self.get_response(request)


class PublicPageMiddleware:
    """Visitors without a session get public pages from the cache before sessions, auth and
    the view run: 304 when their copy is current, else the cached page. Anyone with a
    session (a patient mid-questionnaire, staff who may preview drafts) takes the full path.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.eligible(request):
            return self.get_response(request)
        version = content_version()
        etag = etag_for(version, request.path)
        unchanged = get_conditional_response(request, etag=etag, last_modified=int(version))
        if unchanged is not None:
            return with_validators(unchanged, version, request.path)
        content = recall(version, request.path)
        if content is None:
            return self.get_response(request)
        return with_validators(HttpResponse(content), version, request.path)

    @staticmethod
    def eligible(request):
        return (
            request.method in ("GET", "HEAD")
            and not request.GET
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and is_cached_path(request.path)
        )


def is_cached_path(path):
    return path == "/" or (path.startswith("/topics/") and not path.startswith("/topics/search"))
