"""Emergency ("break-glass") access: staff who may not normally see health answers can
open one submission's answers for a short time, giving a reason. Opening it and every
view while it lasts go to the audit log as emergency events."""

import time

from screening import audit
from screening.models import AuditEvent

MINUTES = 15
SESSION_KEY = "emergency_access"


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
    expires = request.session.get(SESSION_KEY, {}).get(reference)
    return expires is not None and time.time() < expires
