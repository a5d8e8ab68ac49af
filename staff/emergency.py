"""Emergency ("break-glass") access: staff who may not normally see health answers can
open one submission's answers for a short time, giving a reason. Opening it and every
view while it lasts go to the audit log as emergency events."""

import time

from screening import audit
from screening.models import AuditEvent

MINUTES = 15
SESSION_KEY = "emergency_access"
PERMISSION = "screening.emergency_access"


def open_access(request, submission, reason):
    grants = request.session.get(SESSION_KEY, {})
    grants[submission.reference] = time.time() + MINUTES * 60
    request.session[SESSION_KEY] = grants
    audit.record(
        AuditEvent.Action.EMERGENCY_ACCESS,
        request=request,
        reference=submission.reference,
        detail=f"reason: {reason}",
    )


def is_open(request, reference):
    """Until it expires, and only while the person still holds the permission. Without it
    their grants are dropped, so giving the permission back does not revive them."""
    if not request.user.has_perm(PERMISSION):
        request.session.pop(SESSION_KEY, None)
        return False
    expires = request.session.get(SESSION_KEY, {}).get(reference)
    return expires is not None and time.time() < expires
