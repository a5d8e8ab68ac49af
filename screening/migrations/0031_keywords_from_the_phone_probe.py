"""More keywords, from a second probe of what patients type on phones: everyday words
("bun in the oven", "on thinners", "heart op", "weak immune system"), brand names
from the UK, the EU and the US, other anti-inflammatories, autoimmune conditions,
cancers, heart and kidney and liver conditions, a few words in Spanish, Polish and
French, and misspellings of short names that the one-letter tolerance in
screening.rules does not reach. Added to whatever an admin has kept. Going back keeps
them, as the earlier keyword migrations do: taking flag keywords away on a rollback
would quietly miss flags, and an admin can remove any of them."""

from django.db import migrations

from screening.migrations._keywords import adding

KEYWORDS = {
    "pregnancy": [
        "preggers", "preggo", "bun in the oven", "im expecting", "i am expecting",
        "we're expecting", "we are expecting", "expecting twins", "expecting my first",
        "trying for a baby", "trying to conceive", "ttc", "ivf", "cyclogest", "pre-natal",
        "trimester", "missed period", "late period", "period is late", "embarazada",
        "embarazo", "w ciąży", "ciąża", "enceinte", "grossesse", "schwanger",
    ],
    "breastfeeding": [
        "breastfed", "breast fed", "nursing", "lactating", "lactation", "expressing milk",
        "pumping milk", "chestfeeding", "lactancia", "dando el pecho", "amamantando",
        "karmię piersią", "karmienie piersią", "allaite", "allaitement",
    ],
    "anticoagulants": [
        "on thinners", "taking thinners", "doac", "noac", "anticoagulation",
        "anti-coagulation", "clopidrogel", "ibuprophen", "brufen", "caprin", "anadin",
        "excedrin", "meloxicam", "celecoxib", "celebrex", "etoricoxib", "arcoxia", "mefenamic",
        "ponstan", "indomethacin", "indometacin", "nsaid", "anti-inflammatory",
        "anti-inflammatories", "ginko", "krill oil", "acard", "polocard", "kardegic",
        "previscan", "adiro",
        "apixibam", "ibrufen", "blod thinner",
    ],
    "bleeding_disorder": [
        "willebrand", "vwd", "bruise easily", "bruises easily", "bruising easily",
        "easy bruising", "bleed easily", "bleeds easily", "low platelet", "itp",
        "thrombocytopenia", "factor v leiden", "factor 5 leiden", "thrombophilia",
        "clotting problem", "bleeding problem",
    ],
    "skin_infection": [
        "coldsore", "herpes", "fever blister", "zovirax", "valtrex", "famciclovir",
        "eczema", "eczma", "exzema", "excema", "psoriasis", "dermatitis", "shingles",
        "cellulitis", "infected spot", "skin infection", "fucidin", "fusidic acid",
        "mupirocin", "bactroban",
        "sorasis",
    ],
    "allergy": [
        "auto-injector", "anapen", "hypersensitivity", "anafalaxis", "anafilaxis",
    ],
    "immune_compromise": [
        "immunosuppressed", "immunocompromised", "immuno compromised", "weak immune system",
        "weakened immune system", "low immune system", "immunodeficiency",
        "immune deficiency", "mtx", "pred", "cortisone", "cemo", "kemo", "amgevita",
        "hyrimoz", "imraldi", "benepali", "remsima", "inflectra", "skyrizi", "tremfya",
        "taltz", "ocrevus", "tysabri", "gilenya", "tecfidera", "kesimpta", "actemra",
        "roactemra", "orencia", "sulfasalazine", "lupis", "autoimmune", "auto immune",
        "rheumatoid", "sjogren", "scleroderma", "psoriatic arthritis",
        "ankylosing spondylitis", "vasculitis", "chron", "colitis", "ibd",
        "kidney transplant", "liver transplant", "heart transplant", "lung transplant",
        "organ transplant", "coeliac", "celiac", "hashimoto", "graves", "alopecia areata",
        "myasthenia", "vitiligo",
    ],
    "serious_illness": [
        "tumour", "tumor", "leukaemia", "leukemia", "lymphoma", "myeloma", "melanoma",
        "carcinoma", "radiotherapy", "oncology", "oncologist", "zoladex", "goserelin",
        "keytruda", "pembrolizumab", "capecitabine", "bicalutamide", "abiraterone",
        "zytiga", "imatinib", "ibrance", "palbociclib", "kisqali", "verzenios", "femara",
        "t2d", "t1d", "t2dm", "t1dm", "cukrzyca", "humulin", "novomix", "toujeo",
        "abasaglar", "fiasp", "victoza", "liraglutide", "rybelsus", "byetta", "exenatide",
        "pioglitazone", "linagliptin", "trajenta", "alogliptin", "saxagliptin", "janumet",
        "invokana", "canagliflozin", "synjardy", "xigduo", "freestyle libre", "dexcom",
        "heart disease", "heart condition", "heart problem", "heart bypass",
        "triple bypass", "double bypass", "quadruple bypass", "coronary bypass", "cabg",
        "heart op", "heart operation", "heart surgery", "open heart", "pacemaker",
        "pace maker", "defibrillator", "atrial fibrillation", "afib", "a-fib",
        "irregular heartbeat", "irregular heart beat", "arrhythmia", "heart valve",
        "valve replacement", "cardiomyopathy", "isosorbide", "nicorandil", "ranolazine",
        "ivabradine", "flecainide", "sotalol", "dronedarone", "bumetanide", "lanoxin",
        "nitroglycerin", "ckd", "kidney failure", "renal failure", "renal disease",
        "kidney problem", "hepatitis", "hep b", "hep c", "fatty liver", "nafld",
        "liver failure", "liver problem",
        "cancar", "cirosis",
    ],
    "cardiovascular_event": [
        "heart atack", "hart attack", "heartattack", "heart attact", "t.i.a", "cva",
        "stemi", "nstemi", "cardiac arrest", "brain haemorrhage", "brain hemorrhage",
        "brain bleed", "bleed on the brain", "ictus", "infarto", "zawał", "udar", "avc",
        "infarctus",
    ],
    "weight_loss_goal": [
        "zepbound", "phentermine", "mysimba", "contrave", "qsymia", "loose weight",
        "lose some weight", "loose some weight", "lose a bit of weight",
        "lose a little weight", "lose the weight", "lose more weight", "lose pounds",
        "lose a few pounds", "lose a stone", "lose kilos", "shed weight", "drop weight",
        "dress size", "slim down", "get slimmer", "slimming", "weightloss", "obesity", "obese",
        "overweight", "reduce my weight", "reduce weight", "weight reduction", "baby weight",
        "bajar de peso", "perder peso", "adelgazar", "schudnąć", "maigrir",
        "perdre du poids",
        "lose wieght", "lose weigth", "loose wieght", "loose weigth", "wieght loss",
        "weigth loss", "losing wieght", "loosing weight",
    ],
}  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("screening", "0030_follow_up_for_something_else")]
    operations = [
        migrations.RunPython(
            adding(KEYWORDS, history_reason="Keywords added by migration 0031"),
            migrations.RunPython.noop,
        )
    ]
