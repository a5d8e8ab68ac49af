"""The skin-problem box ("What is it, and where?") is checked for flag keywords too, as
the medicines, blood-thinner and goal boxes are: patients write what matters wherever
there is room ("cold sore, and I am pregnant"). The allergy box is left out on
purpose: the medicines people are most often allergic to, aspirin and ibuprofen, are
blood-thinner keywords, so "allergic to aspirin" would raise that flag for a patient who
never takes it. Going back leaves the checks on, as the keyword migrations do, so a
rollback cannot quietly miss a flag."""

from django.db import migrations

from screening.migrations._history import record_versions

NOW_SCANNED = ["skin_problem_at_area"]


# 0030 gave these follow-up boxes (and the goal's a keyword check) without recording it.
CHANGED_BY_0030 = ["area", "goal"]


def scan_them(apps, schema_editor):
    Question = apps.get_model("screening", "Question")
    Question.objects.filter(key__in=NOW_SCANNED).update(scan_for_keywords=True)
    changed = Question.objects.filter(key__in=[*NOW_SCANNED, *CHANGED_BY_0030])
    record_versions(apps, "Question", changed, "Changed by migrations 0030 and 0032")


class Migration(migrations.Migration):
    dependencies = [("screening", "0031_keywords_from_the_phone_probe")]
    operations = [migrations.RunPython(scan_them, migrations.RunPython.noop)]
