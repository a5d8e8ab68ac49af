"""Keywords may now hold "#" for any number, so a goal written as an amount of weight
("lose 10kg", "drop two stone", "shed 5 lbs") raises the weight-loss flag. Such keywords
count only in the goal box (see screening.rules.in_box_of). Added to whatever an admin
has kept; going back keeps them, as the earlier keyword migrations do."""

from django.db import migrations, models

from screening.migrations._keywords import adding

KEYWORDS_HELP = (
    "Words that raise this flag when a patient writes them in a box about their "
    "medicines, skin or goal (one per line, or separated by commas), so a flag is not "
    "missed when a question was answered “no”. Write # for any number: “# kg” finds "
    "“lose 10kg” and “two kg”. A keyword with # counts only in the boxes of this flag’s "
    "own questions, where a number means what it says."
)
KEYWORDS = {
    "weight_loss_goal": [
        "# kg", "# kilo", "# kilogram", "# kilogramme", "# lb", "# pound", "# stone",
        "half a stone", "# a stone", "a half stone", "couple of stone", "about a stone", "drop a stone",
        "shed a stone", "lose a kilo", "few kilos", "few kg", "couple of kilos", "lose # st",
        "loose # st", "drop # st", "shed # st", "drop a size", "down a size", "drop # size",
        "down # size",
    ],
}  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("screening", "0032_scan_the_skin_problem_box")]

    operations = [
        migrations.AlterField(
            model_name=model_name,
            name="keywords",
            field=models.TextField(blank=True, help_text=KEYWORDS_HELP),
        )
        for model_name in ("contraindication", "historicalcontraindication")
    ] + [
        migrations.RunPython(
            adding(KEYWORDS, history_reason="Keywords added by migration 0033"),
            migrations.RunPython.noop,
        )
    ]
