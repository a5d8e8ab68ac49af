import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django_otp.middleware import OTPMiddleware

from staff import backends


class StaffSessionTimeoutMiddleware:
    """Sign staff out after a spell of inactivity, and after a fixed time whatever they do."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            reason = time_out_reason(request, now)
            if reason:
                request.sign_out_reason = reason  # for the audit event
                logout(request)
                messages.info(request, "You were signed out to keep patient data safe.")
                return redirect(f"{settings.LOGIN_URL}?next={request.path}")
            if now - request.session.get("seen", 0) > 60:
                # Once a minute is precise enough, and spares a session write per request.
                request.session["seen"] = now
        return self.get_response(request)


def time_out_reason(request, now):
    """Why this session must end now, or "" if it may go on."""
    session = request.session
    if now - session.get("seen", now) > settings.STAFF_IDLE_TIMEOUT:
        return f"after {settings.STAFF_IDLE_TIMEOUT // 60} minutes idle"
    # No sign-in time: treat as too old.
    if now - session.get("auth_time", 0) > settings.STAFF_ABSOLUTE_TIMEOUT:
        return f"after {settings.STAFF_ABSOLUTE_TIMEOUT // 3600} hours signed in"
    if signed_out_everywhere_since(request):
        return "signed out everywhere"
    return ""


def signed_out_everywhere_since(request):
    """Has an admin signed this user out everywhere since this session signed in?"""
    session_generation = request.session.get(backends.GENERATION_SESSION_KEY, 0)
    return session_generation < backends.sign_out_generation(request.user.pk)


class CachedOTPMiddleware(OTPMiddleware):
    """django-otp's middleware, reading the session's device through `staff.backends`."""

    def _device_from_persistent_id(self, persistent_id):
        return backends.device(self._normalize_persistent_id(persistent_id))
