from django.apps import AppConfig


class StaffConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "staff"
    verbose_name = "Clinic staff area"

    def ready(self):
        from django.apps import apps
        from django_otp.models import Device

        from staff import privilege_audit, signals
        from staff.models import SessionCutoff

        devices = [m for m in apps.get_models() if issubclass(m, Device)]
        signals.connect_access_changes([*devices, SessionCutoff])
        privilege_audit.connect(devices)
