"""Reception, the one role that works with submissions without seeing health answers,
may use emergency access (staff.emergency). Admins can take it away in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("screening")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="screening", codename="emergency_access"
    )
    for group in Group.objects.filter(name="Reception"):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="screening", codename="emergency_access"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("screening", "0013_emergency_access")]

    operations = [migrations.RunPython(grant, revoke)]
