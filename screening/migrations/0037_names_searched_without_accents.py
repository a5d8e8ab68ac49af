"""Each submission keeps its name as the queue searches it (Submission.name_key: lower
case, without accents, spaces or punctuation), so "zoe obrien" finds "Zoë O'Brien". The
column only: with a constant default, PostgreSQL adds it without rewriting the table.
Migration 0038 fills it, committing as it goes. Going back drops the column."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("screening", "0036_keywords_from_the_second_patient_probe")]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="name_key",
            field=models.TextField(db_default="", editable=False),
        ),
    ]
