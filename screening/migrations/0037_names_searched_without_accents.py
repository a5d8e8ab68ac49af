"""Each submission keeps its name as the queue searches it (Submission.name_key: lower
case, without accents, spaces or punctuation), so "zoe obrien" finds "Zoë O'Brien".
Existing rows are given theirs here, reading only their id and name (never the encrypted
answers). The key is made by the same function the search uses, so the two agree. Going
back drops the column."""

from django.db import migrations, models

from screening.models import as_name_key

BATCH = 1000


def fill_name_keys(apps, schema_editor):
    Submission = apps.get_model("screening", "Submission")
    rows = Submission.objects.order_by("pk").values_list("pk", "full_name")
    last = 0
    while page := list(rows.filter(pk__gt=last)[:BATCH]):
        Submission.objects.bulk_update(
            [Submission(pk=pk, name_key=as_name_key(name)) for pk, name in page], ["name_key"]
        )
        last = page[-1][0]


class Migration(migrations.Migration):
    dependencies = [("screening", "0036_keywords_from_the_second_patient_probe")]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="name_key",
            field=models.TextField(db_default="", editable=False),
        ),
        migrations.RunPython(fill_name_keys, migrations.RunPython.noop),
    ]
