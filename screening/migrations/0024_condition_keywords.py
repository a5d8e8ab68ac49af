"""Conditions patients write in the medicines box instead of medicines: bleeding
disorders, a baby on the way, cold sores and their medicines, losing weight. Added to
whatever an admin has kept."""

from django.db import migrations

from screening.migrations._keywords import adding

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


class Migration(migrations.Migration):
    dependencies = [("screening", "0023_audit_append_many")]
    operations = [migrations.RunPython(adding(KEYWORDS), migrations.RunPython.noop)]
