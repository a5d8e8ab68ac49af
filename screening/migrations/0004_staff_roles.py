"""Staff roles as groups. Permissions decide what each role may do, not is_staff."""

from django.db import migrations

from screening.migrations._roles import role_permissions

ROLES = {
    "Reception": ["view_queue", "record_attendance"],
    "Clinician": [
        "view_queue", "view_health_answers", "review_submission", "record_attendance",
        "export_submissions",
    ],
    "Auditor": ["view_auditlog", "export_auditlog"],
}  # fmt: skip


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for role, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(role_permissions(apps, "screening", codenames))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0003_staff_review"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
