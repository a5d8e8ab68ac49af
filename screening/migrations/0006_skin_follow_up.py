"""Ask where and what the skin problem is, so the clinician sees it in the patient's words."""

from django.db import migrations


def add_follow_up(apps, schema_editor):
    Question = apps.get_model("screening", "Question")
    Question.objects.filter(key="skin_problem_at_area", follow_up="").update(
        follow_up="What is it, and where?"
    )


class Migration(migrations.Migration):
    dependencies = [("screening", "0005_audit_append_only")]

    operations = [migrations.RunPython(add_follow_up, migrations.RunPython.noop)]
