"""More names that raise a flag when a patient writes them in the medicines box, and
gentler flag explanations.

The keywords are added to whatever an admin has kept: brand names used outside the UK,
common misspellings, patients' own words ("blood thinner", "chemo", "EpiPen"). The
explanations change only where an admin has not reworded them."""

from django.db import migrations

from screening.migrations._keywords import adding

KEYWORDS = {
    "anticoagulants": [
        "blood thinner", "blood thinning", "anticoagulant", "anti-coagulant", "antiplatelet",
        "anti-platelet", "marevan", "jantoven", "warfarine", "warfrin", "warafin", "xeralto",
        "brilinta", "effient", "efient", "savaysa", "lovenox", "innohep", "fondaparinux",
        "arixtra", "dipyridamole", "persantin", "aggrenox", "acenocoumarol", "sintrom",
        "phenindione", "cilostazol", "pletal", "ticlopidine", "heparine", "asprin", "aspirine", "aspirina",
        "disprin", "ecotrin", "nu-seals", "acetylsalicylic", "asa", "motrin", "naprosyn",
        "aleve", "gingko", "fishoil", "cod liver oil", "vit e",
    ],
    "immune_compromise": [
        "chemo", "steroid", "immunosuppressant", "immunosuppressive", "immune suppressant",
        "methylprednisolone", "medrol", "hydrocortisone", "dexamethasone", "cyclosporin",
        "neoral", "imuran", "enbrel", "remicade", "prograf", "cellcept", "rituximab",
        "leflunomide", "hydroxychloroquine", "plaquenil", "sirolimus", "cyclophosphamide",
        "tofacitinib", "baricitinib", "upadacitinib", "ustekinumab", "stelara",
        "secukinumab", "cosentyx", "biologic",
    ],
    "serious_illness": [
        "lantus", "novorapid", "humalog", "levemir", "tresiba", "glucophage", "glipizide",
        "glimepiride", "sitagliptin", "januvia", "empagliflozin", "jardiance",
        "dapagliflozin", "forxiga", "farxiga", "semaglutide", "ozempic", "dulaglutide",
        "trulicity", "tirzepatide", "mounjaro", "arimidex", "exemestane", "aromasin",
        "herceptin", "trastuzumab", "digoxin", "amiodarone", "gtn", "glyceryl trinitrate",
        "angina", "stent", "dialysis",
    ],
    "allergy": [
        "epipen", "epi-pen", "jext", "emerade", "adrenaline pen", "anaphylaxis",
        "anaphylactic",
    ],
    "pregnancy": ["pregnant", "pregnancy", "pregnacare", "prenatal", "antenatal"],
    "breastfeeding": [
        "breastfeeding", "breast feeding", "breastfeed", "breast feed", "breast milk",
        "breastmilk",
    ],
    "cardiovascular_event": ["heart attack", "stroke", "tia", "myocardial infarction"],
}  # fmt: skip

EXPLANATIONS = {
    "pregnancy": (
        "No one knows how mesotherapy might affect an unborn baby, so it is not done "
        "during pregnancy.",
        "No one knows how mesotherapy might affect an unborn baby, so it should not be done "
        "during pregnancy. If there is any chance you are pregnant, the clinician will talk "
        "this through with you.",
    ),
    "breastfeeding": (
        "No one knows if the substances used could reach a baby through breast milk, so it "
        "is not done while you are breastfeeding.",
        "No one knows if the substances used could reach a baby through breast milk, so it "
        "should not be done while you are breastfeeding. The clinician will talk this "
        "through with you.",
    ),
    "anticoagulants": (
        "These can make bruising and bleeding from the injections worse. Do not stop or "
        "change any prescribed medicine unless the doctor who prescribed it tells you to.",
        "These can make bruising and bleeding from the injections worse. Do not stop or "
        "change any prescribed medicine unless the person who prescribed it tells you to.",
    ),
    "weight_loss_goal": (
        "Mesotherapy is not a weight-loss treatment. It only works on small areas, and the "
        "evidence for that is limited. The clinician will talk through what it can and "
        "cannot do.",
        "Mesotherapy is not a weight-loss treatment. At most it aims at small areas of fat, "
        "and studies disagree on whether it helps even there. The clinician will talk "
        "through what it can and cannot do.",
    ),
}


def reword(forwards):
    def change(apps, schema_editor):
        Contraindication = apps.get_model("screening", "Contraindication")
        for code, (old, new) in EXPLANATIONS.items():
            before, after = (old, new) if forwards else (new, old)
            Contraindication.objects.filter(code=code, explanation=before).update(
                explanation=after
            )

    return change


class Migration(migrations.Migration):
    dependencies = [("screening", "0018_booking_order_index")]
    operations = [
        migrations.RunPython(adding(KEYWORDS), migrations.RunPython.noop),
        migrations.RunPython(reword(True), reword(False)),
    ]
