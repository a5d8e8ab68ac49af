"""Questions that raise a flag, or whose answers are checked for keywords, must stay
active (Question.clean). Before that rule an admin could switch one off while another
question raised the same flag; switch any such question back on."""

from django.db import migrations
from django.db.models import Q


def switch_back_on(apps, schema_editor):
    Question = apps.get_model("screening", "Question")
    needed = Q(contraindication__isnull=False) | Q(scan_for_keywords=True)
    Question.objects.filter(needed, active=False).update(active=True)


class Migration(migrations.Migration):
    dependencies = [("screening", "0016_keywords_help_text")]
    operations = [migrations.RunPython(switch_back_on, migrations.RunPython.noop)]
