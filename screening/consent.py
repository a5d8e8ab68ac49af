"""The words patients agree to before their health answers are used. Change the version
whenever the words change: each submission stores the version and words it was given."""

from django.conf import settings

VERSION = "2026-11-v3"


def text(clinic_name):
    days = settings.SCREENING_RETENTION_DAYS
    return (
        f"I agree that {clinic_name} can use my health answers to prepare for my "
        "consultation. These include answers about pregnancy, medicines, allergies and "
        "health conditions. Only clinic staff who need them will see them. "
        f"They will be deleted {days} days after I send them or after my consultation, "
        "whichever is later, or sooner if I ask."
    )
