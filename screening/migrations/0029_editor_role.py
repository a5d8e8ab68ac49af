"""An Editor role: topic pages, the questionnaire's wording and the clinic's details in
the admin, without any patient's data. (They also need "Staff status" to open the
admin; that is a tick on the user, not a permission.)"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = {
    "content": ["view_topic", "add_topic", "change_topic", "view_clinic", "change_clinic"],
    "screening": ["view_question", "change_question", "view_contraindication",
                  "change_contraindication"],
}  # fmt: skip


def create_editor(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor, _ = Group.objects.get_or_create(name="Editor")
    for app_label, codenames in EDITOR.items():
        editor.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def remove_editor(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editor").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0028_question_and_flag_history"),
        ("content", "0003_topic"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_editor, remove_editor)]
