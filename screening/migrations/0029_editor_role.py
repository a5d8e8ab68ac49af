"""An Editor role: topic pages, the questionnaire's wording and the clinic's details in
the admin, without any patient's data. (They also need "Staff status" to open the
admin; that is a tick on the user, not a permission.)"""

from django.db import migrations

from screening.migrations._roles import role_permissions

EDITOR = {
    "content": ["view_topic", "add_topic", "change_topic", "view_clinic", "change_clinic"],
    "screening": ["view_question", "change_question", "view_contraindication",
                  "change_contraindication"],
}  # fmt: skip


def create_editor(apps, schema_editor):
    editor, _ = apps.get_model("auth", "Group").objects.get_or_create(name="Editor")
    for app_label, codenames in EDITOR.items():
        editor.permissions.add(*role_permissions(apps, app_label, codenames))


def remove_editor(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editor").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0028_question_and_flag_history"),
        ("content", "0003_topic"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_editor, remove_editor)]
