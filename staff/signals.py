"""Sign-in events go to the audit log (ASVS V16.3.1): who, when, from where, outcome."""

import hashlib

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

from screening import audit
from screening.models import AuditEvent


@receiver(user_logged_in, dispatch_uid="staff-signed-in")
def signed_in(sender, request, user, **kwargs):
    now = timezone.now().timestamp()
    request.session["auth_time"] = now
    request.session["seen"] = now
    audit.record(AuditEvent.Action.SIGN_IN, request=request, user=user)


@receiver(user_logged_out, dispatch_uid="staff-signed-out")
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(AuditEvent.Action.SIGN_OUT, request=request, user=user)


@receiver(user_login_failed, dispatch_uid="staff-sign-in-failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    # The attempted name is hashed: it may be a password typed into the wrong box.
    tried = hashlib.sha256(str(credentials.get("username", "")).encode()).hexdigest()[:12]
    audit.record(AuditEvent.Action.SIGN_IN_FAILED, request=request, detail=f"name#{tried}")
