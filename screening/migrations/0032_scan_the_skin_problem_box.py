"""The skin-problem box ("What is it, and where?") is checked for flag keywords too, as
the medicines, blood-thinner and goal boxes are: patients write what matters wherever
there is room ("cold sore, and I am pregnant"). The allergy box is left out on
purpose: the medicines people are most often allergic to, aspirin and ibuprofen, are
blood-thinner keywords, so "allergic to aspirin" would raise that flag for a patient who
never takes it. Going back leaves the checks on, as the keyword migrations do, so a
rollback cannot quietly miss a flag."""

from django.db import migrations

NOW_SCANNED = ["skin_problem_at_area"]


def scan_them(apps, schema_editor):
    Question = apps.get_model("screening", "Question")
    Question.objects.filter(key__in=NOW_SCANNED).update(scan_for_keywords=True)


class Migration(migrations.Migration):
    dependencies = [("screening", "0031_keywords_from_the_phone_probe")]
    operations = [migrations.RunPython(scan_them, migrations.RunPython.noop)]
