"""Gives existing submissions the key their name is searched by (0037 added the column),
reading only their id and name, never the encrypted answers. Not atomic: each page of
1,000 rows is committed on its own, so the table is never held for the whole fill (at
100,000 rows, one transaction kept patients' sends waiting about 27 s). Rows sent while
it runs get their key from the new code's save(), or are found by their name as typed.
The key is made by the function the search uses, so the two agree."""

from django.db import migrations

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
    atomic = False
    dependencies = [("screening", "0037_names_searched_without_accents")]
    operations = [migrations.RunPython(fill_name_keys, migrations.RunPython.noop)]
