"""More ways patients write a weight-loss goal in their own words ("drop some pounds",
"weigh less", "get skinny", "a healthy weight", "body fat"). Left out on purpose: "lose
fat", "fat loss" and "thinner", which patients also use for one small area (a double
chin, "my face to look thinner") or for hair, and which mesotherapy may be right for.
Added to whatever an admin has kept; going back keeps them, as the earlier keyword
migrations do."""

from django.db import migrations

from screening.migrations._keywords import adding

KEYWORDS = {
    "weight_loss_goal": [
        "lose some pounds", "drop some pounds", "shed some pounds", "shed pounds",
        "drop pounds", "weigh less", "skinny", "skinnier", "healthy weight",
        "weight management", "manage my weight", "weight down", "body fat", "fat all over",
        "jean size", "jeans size",
    ],
}  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("screening", "0034_audit_names_the_patients_a_list_showed")]
    operations = [
        migrations.RunPython(
            adding(KEYWORDS, history_reason="Keywords added by migration 0035"),
            migrations.RunPython.noop,
        )
    ]
