from django.conf import settings
from django.db import models
from django.utils import timezone

from screening import audit
from screening.models import AuditEvent


class SessionCutoff(models.Model):
    """ "Sign out everywhere": a user's sessions that began before `signed_out_at` end.

    Sessions live in the cache, which cannot list one user's sessions, so each one is
    checked, and deleted, the next time it is used (`staff.middleware`).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_cutoff"
    )
    signed_out_at = models.DateTimeField()

    def __str__(self):
        return f"{self.user} signed out everywhere at {self.signed_out_at:%Y-%m-%d %H:%M}"


def sign_out_everywhere(user, *, by=None, request=None):
    """End every session `user` has open now, on every device, and record who did it."""
    SessionCutoff.objects.update_or_create(user=user, defaults={"signed_out_at": timezone.now()})
    audit.record(
        AuditEvent.Action.SIGNED_OUT_EVERYWHERE,
        request=request,
        user=by,
        detail=f"for {user.get_username()}",
    )
