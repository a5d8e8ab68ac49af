"""More keywords, from re-running the safety review's 202 probes after migration 0019:
other anti-inflammatories, JAK inhibitor brands, conditions typed into the medicines
box, heart-failure medicines, weight-loss medicines. Added to whatever an admin has."""

from django.db import migrations

KEYWORDS = {
    "anticoagulants": ["bloodthinner", "diclofenac", "voltaren", "voltarol"],
    "immune_compromise": [
        "xeljanz", "rinvoq", "olumiant", "hiv", "lupus", "rheumatoid arthritis",
        "multiple sclerosis", "crohn", "ulcerative colitis", "corticosteroid",
    ],
    "serious_illness": [
        "diabetes", "diabetic", "furosemide", "entresto", "sacubitril", "heart failure",
        "cancer", "chemotherapy", "kidney disease", "liver disease", "cirrhosis",
    ],
    "allergy": ["allergy", "allergies", "allergic"],
    "weight_loss_goal": ["wegovy", "saxenda", "orlistat", "xenical", "weight loss"],
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
    dependencies = [("screening", "0021_audit_sign_in_paused")]
    operations = [migrations.RunPython(add_keywords, migrations.RunPython.noop)]
