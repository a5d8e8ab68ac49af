"""The first wording of the questionnaire. Admins reword it later in the admin."""

from django.db import migrations

TALK = "Please talk to a clinician about this before any treatment."

CONTRAINDICATIONS = [
    (
        "pregnancy",
        "Pregnancy",
        "No one knows how mesotherapy might affect an unborn baby, so it is not done "
        "during pregnancy.",
        "",
    ),
    (
        "breastfeeding",
        "Breastfeeding",
        "No one knows if the substances used could reach a baby through breast milk, so it "
        "is not done while you are breastfeeding.",
        "",
    ),
    (
        "anticoagulants",
        "Medicines or supplements that thin the blood",
        "These can make bruising and bleeding from the injections worse. Do not stop or "
        "change any prescribed medicine unless the doctor who prescribed it tells you to.",
        "warfarin\ncoumadin\napixaban\neliquis\nrivaroxaban\nxarelto\ndabigatran\npradaxa\n"
        "edoxaban\nlixiana\nheparin\nenoxaparin\nclexane\ndalteparin\nfragmin\ntinzaparin\n"
        "clopidogrel\nplavix\nticagrelor\nbrilique\nprasugrel\naspirin\nibuprofen\nnurofen\n"
        "advil\nnaproxen\nginkgo\nfish oil\nomega-3\nvitamin e\ngarlic",
    ),
    (
        "bleeding_disorder",
        "Bleeding or bruising easily",
        "A bleeding or clotting problem can mean more bruising and bleeding from the "
        "injections.",
        "",
    ),
    (
        "skin_infection",
        "A skin infection or flare-up where you want treatment",
        "Injecting into infected or inflamed skin could spread the infection or make the "
        "skin worse.",
        "",
    ),
    (
        "allergy",
        "Allergies",
        "You could react to something in the injection or to a numbing cream. The clinician "
        "needs to know what you have reacted to before.",
        "",
    ),
    (
        "immune_compromise",
        "Your immune system",
        "A weakened immune system, or medicine that calms it down, can raise the chance of "
        "infection and slow healing.",
        "prednisolone\nprednisone\nmethotrexate\nazathioprine\nciclosporin\ncyclosporine\n"
        "tacrolimus\nmycophenolate\nadalimumab\nhumira\netanercept\ninfliximab\nchemotherapy",
    ),
    (
        "serious_illness",
        "A serious or long-term illness",
        "With conditions like cancer, diabetes, or heart, liver or kidney disease, it is not "
        "clear how safe or useful mesotherapy is.",
        "insulin\nmetformin\ngliclazide\ntamoxifen\nletrozole\nanastrozole",
    ),
    (
        "cardiovascular_event",
        "A past heart attack or stroke",
        "After a heart attack or stroke, the risk of problems from treatment may be higher.",
        "",
    ),
    (
        "weight_loss_goal",
        "Hoping to lose weight",
        "Mesotherapy is not a weight-loss treatment. It only works on small areas, and the "
        "evidence for that is limited. The clinician will talk through what it can and "
        "cannot do.",
        "",
    ),
]

YES_NO = "yes_no"
QUESTIONS = [
    # key, section, kind, text, help, flag, follow-up, extra
    ("area", "treatment", "choice", "Which area would you like treated?",
     "Choose the main one. You can tell the clinician about others at your consultation.",
     "", "", {"choices": "face|Face or neck\nscalp|Scalp (hair)\nbody|Body, such as tummy, "
                         "thighs, hips or buttocks\njoints|A joint or muscle (for pain)\n"
                         "other|Somewhere else"}),
    ("goal", "treatment", "choice", "What do you most hope the treatment will do?", "",
     "weight_loss_goal", "", {"choices": "skin|Improve my skin, such as fine lines or dull "
                                          "skin\nhair|Help with hair loss\ncellulite|Reduce "
                                          "cellulite\nfat|Reduce a small area of stubborn fat\n"
                                          "pain|Ease pain or help healing\nweight|Help me lose "
                                          "weight\nother|Something else",
                              "flag_answers": "weight"}),
    ("weight_loss", "treatment", YES_NO, "Are you hoping this treatment will help you lose weight?",
     "", "weight_loss_goal", "", {}),
    ("pregnant", "medicines", YES_NO, "Are you pregnant, or could you be pregnant?",
     "Answer 'not sure' if there is any chance.", "pregnancy", "", {}),
    ("breastfeeding", "medicines", YES_NO, "Are you breastfeeding?",
     "This includes feeding your baby expressed breast milk.", "breastfeeding", "", {}),
    ("blood_thinners", "medicines", YES_NO,
     "Do you take any medicine or supplement that thins your blood?",
     "For example: warfarin, apixaban (Eliquis), rivaroxaban (Xarelto), dabigatran, heparin "
     "or enoxaparin (Clexane) injections, clopidogrel (Plavix), ticagrelor, aspirin or "
     "ibuprofen (Nurofen) most days, or supplements like ginkgo, high-dose fish oil, "
     "vitamin E or garlic tablets.",
     "anticoagulants", "Which ones? If you do not know the name, write what it is for.",
     {"scan_for_keywords": True}),
    ("bleeding_disorder", "medicines", YES_NO,
     "Do you have a bleeding or clotting problem, or do you bruise or bleed very easily?",
     "For example: haemophilia, von Willebrand disease, low platelets, or nosebleeds or "
     "bruises that take a long time to stop or fade.", "bleeding_disorder", "", {}),
    ("medicines", "medicines", "text",
     "List any medicines, pills, injections or supplements you take now",
     "Include ones from a shop or pharmacy, vitamins and herbal remedies. Leave it empty if "
     "you take none.", "", "", {"scan_for_keywords": True}),
    ("skin_problem_at_area", "skin-and-immunity", YES_NO,
     "Do you have an infection, rash or flare-up of a skin condition where you want treatment?",
     "For example: a cold sore, infected spots or acne, an eczema or psoriasis flare, or an "
     "open cut or sore.", "skin_infection", "", {}),
    ("allergy", "skin-and-immunity", YES_NO,
     "Have you ever had an allergic reaction to a medicine, a numbing cream or injection, "
     "or anything else?",
     "Numbing injections are also called local anaesthetics, such as lidocaine. Include "
     "reactions to plasters, latex, foods or plants.", "allergy", "", {}),
    ("severe_allergy", "skin-and-immunity", YES_NO,
     "Have you ever had a severe allergic reaction (anaphylaxis)?",
     "For example: swelling of the face or throat, trouble breathing, or being told to carry "
     "an adrenaline pen such as an EpiPen.", "allergy", "", {}),
    ("allergy_details", "skin-and-immunity", "text",
     "What are you allergic to, and what happened?",
     "Leave it empty if you have no allergies.", "allergy", "",
     {"flag_when_filled": True}),
    ("autoimmune", "skin-and-immunity", YES_NO,
     "Do you have an autoimmune condition, or a weakened immune system?",
     "For example: lupus, rheumatoid arthritis, multiple sclerosis, or HIV that is not "
     "treated.", "immune_compromise", "", {}),
    ("immune_medicines", "skin-and-immunity", YES_NO,
     "Do you take medicine that weakens your immune system?",
     "For example: steroid tablets such as prednisolone for more than a few weeks, "
     "methotrexate, azathioprine, ciclosporin, biologic injections such as Humira, or "
     "chemotherapy.", "immune_compromise", "", {}),
    ("cancer", "other-conditions", YES_NO,
     "Do you have cancer, or have you had cancer or treatment for it?", "",
     "serious_illness", "", {}),
    ("liver_kidney", "other-conditions", YES_NO, "Do you have liver disease or kidney disease?",
     "For example: hepatitis, cirrhosis, or kidneys that do not work well.",
     "serious_illness", "", {}),
    ("heart_disease", "other-conditions", YES_NO, "Do you have a heart condition?",
     "For example: heart failure, angina, a heart valve problem or an irregular heartbeat.",
     "serious_illness", "", {}),
    ("diabetes", "other-conditions", YES_NO, "Do you have diabetes?",
     "Type 1 or type 2, including diabetes you control with diet alone.",
     "serious_illness", "", {}),
    ("heart_attack_stroke", "other-conditions", YES_NO,
     "Have you ever had a heart attack, a stroke or a mini-stroke?",
     "A mini-stroke is also called a TIA.", "cardiovascular_event", "", {}),
]  # fmt: skip


def seed(apps, schema_editor):
    Contraindication = apps.get_model("screening", "Contraindication")
    Question = apps.get_model("screening", "Question")
    by_code = {}
    for position, (code, name, explanation, keywords) in enumerate(CONTRAINDICATIONS):
        by_code[code] = Contraindication.objects.create(
            code=code,
            name=name,
            explanation=explanation,
            guidance=TALK,
            keywords=keywords,
            position=position,
        )
    for position, (key, section, kind, text, help_text, flag, follow_up, extra) in enumerate(
        QUESTIONS
    ):
        Question.objects.create(
            key=key,
            section=section,
            kind=kind,
            text=text,
            help_text=help_text,
            position=position,
            contraindication=by_code.get(flag),
            follow_up=follow_up,
            **extra,
        )


class Migration(migrations.Migration):
    dependencies = [("screening", "0001_questionnaire")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
