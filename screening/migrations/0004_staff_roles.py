"""Staff roles as groups. Permissions decide what each role may do, not is_staff."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Reception": ["view_queue", "record_attendance"],
    "Clinician": [
        "view_queue", "view_health_answers", "review_submission", "record_attendance",
        "export_submissions",
    ],
    "Auditor": ["view_auditlog", "export_auditlog"],
}  # fmt: skip


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="screening", codename__in=codenames)
        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0003_staff_review"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
