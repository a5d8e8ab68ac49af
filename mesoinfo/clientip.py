"""The visitor's address, also behind our own TLS-terminating proxy."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or with DJANGO_TRUSTED_PROXIES=N the address N hops from the right of
    X-Forwarded-For: the one our own proxy saw (anything further left can be forged)."""
    if request is None:
        return None
    hops = settings.TRUSTED_PROXIES
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if hops and len(forwarded) >= hops:
        return forwarded[-hops]
    return request.META.get("REMOTE_ADDR")
