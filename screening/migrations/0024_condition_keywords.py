"""Conditions patients write in the medicines box instead of medicines: bleeding
disorders, a baby on the way, cold sores and their medicines, losing weight. Added to
whatever an admin has kept."""

from django.db import migrations

KEYWORDS = {
    "bleeding_disorder": [
        "haemophilia", "hemophilia", "von willebrand", "bleeding disorder", "clotting disorder",
        "low platelets",
    ],
    "pregnancy": ["expecting a baby", "i'm expecting"],
    "breastfeeding": ["breast-feeding"],
    "skin_infection": ["cold sore", "aciclovir", "acyclovir", "valaciclovir", "impetigo"],
    "weight_loss_goal": ["lose weight", "losing weight"],
}  # fmt: skip


def add_keywords(apps, schema_editor):
    Contraindication = apps.get_model("screening", "Contraindication")
    for flag in Contraindication.objects.filter(code__in=KEYWORDS):
        kept = [line for line in flag.keywords.splitlines() if line.strip()]
        known = {line.strip().lower() for line in kept}
        new = [word for word in KEYWORDS[flag.code] if word not in known]
        flag.keywords = "\n".join(kept + new)
        flag.save(update_fields=["keywords"])


class Migration(migrations.Migration):
    dependencies = [("screening", "0023_audit_append_many")]
    operations = [migrations.RunPython(add_keywords, migrations.RunPython.noop)]
