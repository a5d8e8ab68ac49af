"""The pregnancy question's hint names the "Not sure" answer as the page shows it, in
curly quotes. A hint an admin has already reworded is left alone."""

from django.db import migrations

OLD = "Answer 'not sure' if there is any chance."
NEW = "Choose “Not sure” if there is any chance."


def reword(old, new):
    def change(apps, schema_editor):
        Question = apps.get_model("screening", "Question")
        Question.objects.filter(key="pregnant", help_text=old).update(help_text=new)

    return change


class Migration(migrations.Migration):
    dependencies = [("screening", "0014_reception_emergency_access")]
    operations = [migrations.RunPython(reword(OLD, NEW), reword(NEW, OLD))]
