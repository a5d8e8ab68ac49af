"""Who may open a staff page: signed in, second factor done, and holding the permission."""

from functools import wraps
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache

from screening import audit
from screening.models import AuditEvent


def staff_permission_required(*perms, others_go_home=False):
    """With `others_go_home` (the queue, at /staff/, where sign-in and the README send
    everyone), staff without the permissions who have a page of their own, such as an
    auditor, are sent there instead of being refused."""

    def decorator(view):
        @wraps(view)
        @never_cache
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect(f"/staff/login/?{urlencode({'next': request.path})}")
            if not user.is_verified():
                return redirect(f"/staff/two-factor/?{urlencode({'next': request.path})}")
            if not user.has_perms(perms):
                if others_go_home and request.method == "GET":
                    home = landing_page(user)
                    if home != request.path:
                        return redirect(home)
                audit.record(AuditEvent.Action.DENIED, request=request, detail=request.path[:200])
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.staff_permissions = perms
        return wrapper

    return decorator


# Where a signed-in person starts when no page was asked for: the first they may open.
LANDING_PAGES = [
    ("screening.view_queue", "/staff/"),
    ("screening.view_auditlog", "/staff/audit/"),
]


def landing_page(user):
    allowed = (url for perm, url in LANDING_PAGES if user.has_perm(perm))
    return next(allowed, "/admin/" if user.is_staff else "/staff/")
