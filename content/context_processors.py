from django.db import DatabaseError

from content.models import Clinic


def clinic(request):
    try:
        return {"clinic": Clinic.load()}
    except DatabaseError:
        # Pages that do not need the database keep working while it is down.
        return {"clinic": Clinic.placeholder()}
