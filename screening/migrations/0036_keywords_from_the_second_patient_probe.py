"""Ways of writing a contraindication that an exploratory test of the patient side found
raising nothing ("immuno-suppressants for my kidney", "chemo last year" for serious
illness, "mum to be", "I bruise a lot", "I take thinners", "lower my BMI"), and the
"Somewhere else" area box checked for keywords like the other boxes ("lips, where my
cold sore is"). Left out: "AF" and "MI" ("mi" is Spanish for "my"); "thinners" alone,
which would take "a thinner face" for a blood thinner; "slimmer" and "lose inches" (one
small area, which mesotherapy may suit). Added to whatever an admin has kept; going back
keeps them, as the earlier keyword migrations do."""

from django.db import migrations

from screening.migrations._history import record_versions
from screening.migrations._keywords import adding

KEYWORDS = {
    "immune_compromise": [
        "immuno suppressant", "immuno suppressed", "immuno suppression", "anti rejection",
        "betamethasone",  # two letters from dexamethasone: named as itself, not as that
    ],
    "serious_illness": [
        "chemo", "chemo therapy", "kemo", "radio therapy", "in remission", "mastectomy",
        "lumpectomy", "heart murmur", "bad heart", "weak heart",
    ],
    "cardiovascular_event": [
        "heart atack", "heart atttack", "heart attak", "hearth attack", "clot on the brain",
        "clot in the brain", "bleed on the brain",
    ],
    "pregnancy": [
        "elevit", "mum to be", "mom to be", "wks preg", "weeks preg", "prego", "preggo",
        "baby due", "due date",
    ],
    "breastfeeding": [
        "feeding my baby", "feed my baby", "express milk", "expressing milk",
        "nurse my baby", "nursing my baby",
    ],
    "bleeding_disorder": [
        "bruise a lot", "bruises a lot", "bruise really easily", "bruise very easily",
        "bruise so easily", "easy bruiser",
    ],
    "anticoagulants": ["take thinners", "on thinners", "stop clots", "prevent clots"],
    "weight_loss_goal": [
        "a few lbs", "few pounds", "lose wight", "loose wight", "reduce my bmi",
        "lower my bmi", "bmi down",
    ],
}  # fmt: skip
NOW_SCANNED = ["area"]


def scan_area_box(apps, schema_editor):
    Question = apps.get_model("screening", "Question")
    changed = Question.objects.filter(key__in=NOW_SCANNED, scan_for_keywords=False)
    changed_ids = list(changed.values_list("id", flat=True))
    changed.update(scan_for_keywords=True)
    now = Question.objects.filter(id__in=changed_ids)
    record_versions(apps, "Question", now, "Checked for keywords by migration 0036")


class Migration(migrations.Migration):
    dependencies = [("screening", "0035_more_ways_to_say_weight_loss")]
    operations = [
        migrations.RunPython(
            adding(KEYWORDS, history_reason="Keywords added by migration 0036"),
            migrations.RunPython.noop,
        ),
        migrations.RunPython(scan_area_box, migrations.RunPython.noop),
    ]
