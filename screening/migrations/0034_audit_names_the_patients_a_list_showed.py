"""An audit event's detail is long enough to name every patient a list view showed.

Going back leaves the column wide: narrowing it would fail, or cut audit records short,
once a list view has named its patients. Only Django's idea of the field goes back."""

from django.db import migrations, models

WIDE = 1200


def wide_detail():
    return models.CharField(blank=True, help_text="Never health data.", max_length=WIDE)


def widen(apps, schema_editor):
    AuditEvent = apps.get_model("screening", "AuditEvent")
    narrow = AuditEvent._meta.get_field("detail")
    wide = wide_detail()
    wide.set_attributes_from_name("detail")
    wide.model = AuditEvent
    schema_editor.alter_field(AuditEvent, narrow, wide)


class Migration(migrations.Migration):
    dependencies = [("screening", "0033_keywords_with_numbers")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(model_name="auditevent", name="detail", field=wide_detail())
            ],
            database_operations=[migrations.RunPython(widen, migrations.RunPython.noop)],
        )
    ]
