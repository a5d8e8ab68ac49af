"""The words patients agree to before their health answers are used. Change the version
whenever the words change: each submission stores the version and words it was given."""

from django.conf import settings

VERSION = "2026-11-v1"


def text(clinic_name):
    days = settings.SCREENING_RETENTION_DAYS
    return (
        f"I agree that {clinic_name} can use the health information in my answers "
        "(about pregnancy, medicines, allergies, and past and present health conditions) "
        "to prepare for my consultation. Only clinic staff who need it will see it. "
        f"It will be deleted {days} days after I send it, or sooner if I ask."
    )
