"""Shared by data migrations that change questions or flags: simple_history records an
admin's saves, not a migration's, so without this the next edit in the admin would look
as if it made the migration's change too (Django's migration loader skips modules whose
names start with "_")."""

from django.utils import timezone


def record_versions(apps, name, rows, reason, kind="~"):
    """A history row for each of these rows as it now is."""
    model = apps.get_model("screening", name)
    historical = apps.get_model("screening", f"Historical{name}")
    fields = [f.attname for f in model._meta.concrete_fields]
    now = timezone.now()
    historical.objects.bulk_create(
        historical(
            **{field: getattr(row, field) for field in fields},
            history_date=now,
            history_type=kind,
            history_change_reason=reason,
        )
        for row in rows
    )
