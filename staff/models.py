from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from screening import audit
from screening.models import AuditEvent


class SessionCutoff(models.Model):
    """ "Sign out everywhere" for one user.

    Each session remembers the `generation` it signed in under; a session from an earlier
    generation ends the next time it is used (`staff.middleware`). Sessions live in the
    cache, which cannot list one user's sessions, hence the check on use. A counter rather
    than a time, so servers whose clocks differ still agree.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_cutoff"
    )
    generation = models.PositiveIntegerField(default=0)
    signed_out_at = models.DateTimeField()

    def __str__(self):
        return f"{self.user} signed out everywhere at {self.signed_out_at:%Y-%m-%d %H:%M}"


def sign_out_everywhere(user, *, by=None, request=None, via=""):
    """End every session `user` has open now, on every device, and record who did it
    (`by`, or `via` when no one is signed in, as on the command line)."""
    with transaction.atomic():
        cutoff, _ = SessionCutoff.objects.select_for_update().get_or_create(
            user=user, defaults={"signed_out_at": timezone.now()}
        )
        cutoff.generation += 1
        cutoff.signed_out_at = timezone.now()
        cutoff.save()  # its signal makes every worker reload the user
        audit.record(
            AuditEvent.Action.SIGNED_OUT_EVERYWHERE,
            request=request,
            user=by,
            detail=" ".join(filter(None, [f"for {user.get_username()}", via])),
        )
