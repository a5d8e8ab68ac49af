"""More keywords, from re-running the safety review's 202 probes after migration 0019:
other anti-inflammatories, JAK inhibitor brands, conditions typed into the medicines
box, heart-failure medicines, weight-loss medicines. Added to whatever an admin has."""

from django.db import migrations

from screening.migrations._keywords import adding

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


class Migration(migrations.Migration):
    dependencies = [("screening", "0021_audit_sign_in_paused")]
    operations = [migrations.RunPython(adding(KEYWORDS), migrations.RunPython.noop)]
