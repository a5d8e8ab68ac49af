from django.apps import AppConfig


class StaffConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "staff"
    verbose_name = "Clinic staff area"

    def ready(self):
        from staff import signals  # noqa: F401 - connects the sign-in audit receivers
