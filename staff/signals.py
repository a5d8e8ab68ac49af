"""Sign-in events go to the audit log (ASVS V16.3.1): who, when, from where, outcome.
Changes to users, groups, permissions, devices and session cut-offs end every worker's
remembered access. Privilege changes are audited in `staff.privilege_audit`."""

import hashlib

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from screening import audit
from screening.models import AuditEvent
from staff import attempts
from staff.backends import GENERATION_SESSION_KEY, access_changed, load_sign_out_generation


@receiver(user_logged_in, dispatch_uid="staff-signed-in")
def signed_in(sender, request, user, **kwargs):
    now = timezone.now().timestamp()
    request.session["auth_time"] = now
    request.session["seen"] = now
    # Read afresh: this worker's remembered copy may be up to a second old.
    request.session[GENERATION_SESSION_KEY] = load_sign_out_generation(user.pk)
    audit.record(AuditEvent.Action.SIGN_IN, request=request, user=user)


@receiver(user_logged_out, dispatch_uid="staff-signed-out")
def signed_out(sender, request, user, **kwargs):
    if user is not None:
        reason = getattr(request, "sign_out_reason", "")  # set by the session time-out
        audit.record(AuditEvent.Action.SIGN_OUT, request=request, user=user, detail=reason)


def hashed_name(username):
    # The attempted name is hashed: it may be a password typed into the wrong box.
    return "name#" + hashlib.sha256(str(username or "").encode()).hexdigest()[:12]


@receiver(user_login_failed, dispatch_uid="staff-sign-in-failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    tried = hashed_name(credentials.get("username"))
    audit.record(AuditEvent.Action.SIGN_IN_FAILED, request=request, detail=tried)
    attempts.note_failure(credentials.get("username"))


@receiver(user_locked_out, dispatch_uid="staff-sign-in-locked-out")
def sign_in_locked_out(sender, request, username, **kwargs):
    detail = f"{hashed_name(username)}, this address"
    audit.record(AuditEvent.Action.SIGN_IN_PAUSED, request=request, detail=detail)


def connect_access_changes(other_models):
    """Any saved or deleted user, group, permission or other model that decides access
    (second-factor devices, "sign out everywhere"), or changed membership."""
    user = get_user_model()
    for model in (user, Group, Permission, *other_models):
        for signal in (post_save, post_delete):
            signal.connect(on_access_change, sender=model, dispatch_uid=f"access-{model._meta}")
    for through in (user.groups.through, user.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            on_access_change, sender=through, dispatch_uid=f"access-{through._meta}"
        )


def on_access_change(**kwargs):
    access_changed()
