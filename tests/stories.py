"""Patient stories for testing the pre-consultation screening questionnaire.

Each story is one made-up person filling in the questionnaire. ``expected`` is the exact
set of flag codes (see section 6 of the mesotherapy fact sheet) that their answers must
raise: nothing missing and nothing extra. Any yes/no question a story leaves out of
``answers`` is answered "no".
"""

from dataclasses import dataclass

ALL_FLAGS = frozenset(
    {
        "pregnancy",
        "breastfeeding",
        "anticoagulants",
        "bleeding_disorder",
        "skin_infection",
        "allergy",
        "immune_compromise",
        "serious_illness",
        "cardiovascular_event",
        "weight_loss_goal",
    }
)

YES_NO_KEYS = (
    "pregnant",
    "breastfeeding",
    "blood_thinners",
    "bleeding_disorder",
    "skin_problem_at_area",
    "allergy",
    "severe_allergy",
    "autoimmune",
    "immune_medicines",
    "cancer",
    "liver_kidney",
    "heart_disease",
    "diabetes",
    "heart_attack_stroke",
    "weight_loss",
)


@dataclass(frozen=True, kw_only=True)
class Story:
    title: str
    answers: dict[str, str]
    goal: str = "skin"
    goal_details: str = ""
    medicines: str = ""
    blood_thinners_details: str = ""
    allergy_details: str = ""
    skin_details: str = ""
    expected: frozenset[str]


STORIES = [
    # --- What the patient hopes for, in their own words --------------------------------
    Story(
        title="Nadia, 33, chose 'Something else' and wrote she wants to lose weight",
        answers={"weight_loss": "no"},
        goal="other",
        goal_details="tone up and lose weight before my wedding",
        expected=frozenset({"weight_loss_goal"}),
    ),
    # --- Pregnancy and breastfeeding -------------------------------------------------------
    Story(
        title="Chloe, 29, ten weeks pregnant with her first, wants to brighten tired skin",
        answers={"pregnant": "yes"},
        medicines="folic acid",
        expected=frozenset({"pregnancy"}),
    ),
    Story(
        title="Priya, 34, trying for a baby and her period is a few days late",
        answers={"pregnant": "not_sure"},
        medicines="pregnancy multivitamin",
        allergy_details="none",
        expected=frozenset({"pregnancy"}),
    ),
    Story(
        title="Hannah, 31, breastfeeding her five-month-old and losing hair since the birth",
        answers={"breastfeeding": "yes"},
        goal="hair",
        medicines="vitamin D drops",
        expected=frozenset({"breastfeeding"}),
    ),
    Story(
        title="Jo, 27, mostly bottle-feeding now and unsure whether the odd night feed counts",
        answers={"breastfeeding": "not_sure"},
        expected=frozenset({"breastfeeding"}),
    ),
    Story(
        title="Ellie, 30, still breastfeeding and keen to 'shift the baby weight' quickly",
        answers={"breastfeeding": "yes", "weight_loss": "yes"},
        goal="weight",
        expected=frozenset({"breastfeeding", "weight_loss_goal"}),
    ),
    # --- Blood thinners: answered yes / not sure -----------------------------------------
    Story(
        title="Graham, 68, on warfarin for an irregular heartbeat, wants help with knee pain",
        answers={"blood_thinners": "yes", "heart_disease": "yes"},
        goal="pain",
        medicines="warfarin (dose depends on INR), bisoprolol 2.5mg",
        blood_thinners_details="Warfarin - clinic checks my INR every few weeks",
        expected=frozenset({"anticoagulants", "serious_illness"}),
    ),
    Story(
        title="Neil, 49, on Clexane injections for a month after a knee operation",
        answers={"blood_thinners": "yes"},
        goal="pain",
        medicines="co-codamol, enoxaparin injection once a day",
        blood_thinners_details="Clexane jabs until the end of the month",
        expected=frozenset({"anticoagulants"}),
    ),
    Story(
        title="Stuart, 57, had a heart attack and two stents; not sure which pills thin blood",
        answers={
            "blood_thinners": "not_sure",
            "heart_disease": "yes",
            "heart_attack_stroke": "yes",
        },
        goal="other",
        medicines="ramipril, atorvastatin, bisoprolol, and a small white one for the stents",
        blood_thinners_details="not sure - the cardiologist gave me something for the stents",
        expected=frozenset({"anticoagulants", "serious_illness", "cardiovascular_event"}),
    ),
    # --- Blood thinners: the free-text safety net -------------------------------------------
    Story(
        title="Sandra, 55, takes Eliquis after a clot in her leg but ticked 'no' to thinners",
        answers={"blood_thinners": "no"},
        goal="cellulite",
        medicines="Eliquis 5mg twice a day",
        expected=frozenset({"anticoagulants"}),
    ),
    Story(
        title="Derek, 61, takes a baby aspirin every morning 'to be safe'",
        answers={},
        goal="hair",
        medicines="aspirin 75mg daily, atorvastatin 20mg",
        allergy_details="no allergies",
        expected=frozenset({"anticoagulants"}),
    ),
    Story(
        title="Margaret, 58, swears by garlic capsules and ginkgo for her memory",
        answers={"blood_thinners": "no"},
        medicines="garlic capsules, Ginkgo biloba",
        expected=frozenset({"anticoagulants"}),
    ),
    Story(
        title="Tom, 44, typed his medicines in capitals after a clot in his lung last year",
        answers={"blood_thinners": "no"},
        goal="other",
        medicines="WARFARIN 5MG",
        expected=frozenset({"anticoagulants"}),
    ),
    Story(
        title="Fiona, 39, takes a high-strength fish oil supplement for her joints",
        answers={},
        goal="cellulite",
        medicines="Fish Oil 1000mg, vitamin D",
        expected=frozenset({"anticoagulants"}),
    ),
    Story(
        title="Lucy, 36, takes omega-3 and vitamin E capsules 'for glowing skin'",
        answers={"blood_thinners": "no"},
        medicines="Omega-3, Vitamin E",
        expected=frozenset({"anticoagulants"}),
    ),
    Story(
        title="Ray, 72, lists one medicine per line with stray spaces and no comma gaps",
        answers={"blood_thinners": "no"},
        goal="pain",
        medicines="  levothyroxine 50mcg,apixaban 2.5mg\nvitamin D  \n",
        expected=frozenset({"anticoagulants"}),
    ),
    Story(
        title="Kieran, 38, plasterer with a bad back who takes Nurofen most days",
        answers={"blood_thinners": "no"},
        goal="pain",
        medicines="Nurofen most days for my back",
        allergy_details="nil",
        expected=frozenset({"anticoagulants"}),
    ),
    # --- Bleeding disorders ---------------------------------------------------------------
    Story(
        title="Eleanor, 25, has von Willebrand disease and wants help with acne scars",
        answers={"bleeding_disorder": "yes"},
        medicines="tranexamic acid during periods",
        expected=frozenset({"bleeding_disorder"}),
    ),
    Story(
        title="Kirsty, 42, bruises from the slightest knock but has never been tested",
        answers={"bleeding_disorder": "not_sure"},
        goal="cellulite",
        expected=frozenset({"bleeding_disorder"}),
    ),
    # --- Skin problems at the treatment area ------------------------------------------------
    Story(
        title="Rachel, 33, has a cold sore on her lip the week of her booking",
        answers={"skin_problem_at_area": "yes"},
        expected=frozenset({"skin_infection"}),
    ),
    Story(
        title="Ben, 24, not sure whether the angry spots on his jaw are infected",
        answers={"skin_problem_at_area": "not_sure"},
        medicines="benzoyl peroxide gel",
        expected=frozenset({"skin_infection"}),
    ),
    Story(
        title="Dawn, 46, psoriasis flaring on her thighs; takes methotrexate but ticked 'no'",
        answers={"skin_problem_at_area": "yes", "autoimmune": "no", "immune_medicines": "no"},
        goal="cellulite",
        medicines="methotrexate weekly, folic acid",
        expected=frozenset({"skin_infection", "immune_compromise"}),
    ),
    Story(
        title="Jade, 28, ticked 'no' to pregnancy, then wrote it beside her cold sore",
        answers={"skin_problem_at_area": "yes", "pregnant": "no"},
        skin_details="cold sore on my top lip, and I'm 8 weeks pregnant so can't take much",
        expected=frozenset({"skin_infection", "pregnancy"}),
    ),
    # --- Allergies --------------------------------------------------------------------------
    Story(
        title="Sophie, 37, came out in hives after a numbing injection at the dentist",
        answers={"allergy": "yes"},
        allergy_details="lidocaine (dentist's injection)",
        expected=frozenset({"allergy"}),
    ),
    Story(
        title="Gareth, 50, had a rash on antibiotics as a boy and can't remember which ones",
        answers={"allergy": "not_sure"},
        allergy_details="a rash from antibiotics as a boy, I don't know which",
        goal="hair",
        expected=frozenset({"allergy"}),
    ),
    Story(
        title="Zainab, 28, carries an EpiPen for a peanut allergy",
        answers={"allergy": "yes", "severe_allergy": "yes"},
        allergy_details="peanuts - anaphylaxis, carry an EpiPen",
        expected=frozenset({"allergy"}),
    ),
    Story(
        title="Ian, 63, throat went tight after a wasp sting once; never found out why",
        answers={"allergy": "no", "severe_allergy": "not_sure"},
        allergy_details="throat went tight after a wasp sting, I don't know why",
        goal="pain",
        medicines="amlodipine",
        expected=frozenset({"allergy"}),
    ),
    Story(
        title="Laura, 45, ticked 'no' to allergies but wrote penicillin in the box",
        answers={"allergy": "no"},
        allergy_details="penicillin",
        expected=frozenset({"allergy"}),
    ),
    Story(
        title="Ruth, 35, lists hay fever as her allergy and takes cetirizine for it",
        answers={"allergy": "no"},
        medicines="cetirizine for hay fever",
        allergy_details="hay fever",
        expected=frozenset({"allergy"}),
    ),
    Story(
        title="Alan, 59, asthmatic who is allergic to aspirin, so does not take it",
        answers={"allergy": "yes"},
        goal="hair",
        medicines="salbutamol inhaler, beclometasone inhaler",
        allergy_details="Aspirin and ibuprofen - they set off my asthma",
        expected=frozenset({"allergy"}),
    ),
    # --- Immune system ------------------------------------------------------------------------
    Story(
        title="Mei, 40, has lupus and takes hydroxychloroquine",
        answers={"autoimmune": "yes"},
        medicines="hydroxychloroquine",
        expected=frozenset({"immune_compromise"}),
    ),
    Story(
        title="Carol, 52, being tested for possible rheumatoid arthritis",
        answers={"autoimmune": "not_sure"},
        goal="pain",
        medicines="paracetamol",
        expected=frozenset({"immune_compromise"}),
    ),
    Story(
        title="Darren, 47, kidney transplant ten years ago, on anti-rejection medicines",
        answers={"immune_medicines": "yes", "liver_kidney": "yes"},
        goal="hair",
        medicines="tacrolimus, mycophenolate, prednisolone 5mg",
        expected=frozenset({"immune_compromise", "serious_illness"}),
    ),
    Story(
        title="Yvonne, 60, just finishing a course of steroid tablets after an asthma flare",
        answers={"immune_medicines": "not_sure"},
        medicines="prednisolone 30mg - last few days of the course",
        expected=frozenset({"immune_compromise"}),
    ),
    Story(
        title="Josh, 32, has Crohn's disease and injects Humira, but ticked 'no' throughout",
        answers={"autoimmune": "no", "immune_medicines": "no"},
        goal="fat",
        medicines="adalimumab (Humira) every other week",
        expected=frozenset({"immune_compromise"}),
    ),
    # --- Serious illness: cancer, liver/kidney, heart, diabetes --------------------------------
    Story(
        title="Angela, 54, had breast cancer two years ago and still takes tamoxifen",
        answers={"cancer": "yes"},
        medicines="Tamoxifen 20mg",
        expected=frozenset({"serious_illness"}),
    ),
    Story(
        title="Pauline, 66, finished cancer treatment years ago so ticked 'no', on letrozole",
        answers={"cancer": "no"},
        medicines="letrozole",
        expected=frozenset({"serious_illness"}),
    ),
    Story(
        title="Richard, 48, waiting on biopsy results for a mole on his back",
        answers={"cancer": "not_sure"},
        goal="fat",
        expected=frozenset({"serious_illness"}),
    ),
    Story(
        title="Bernadette, 69, told her kidney function was 'a bit low' at a routine check",
        answers={"liver_kidney": "not_sure"},
        goal="other",
        medicines="omeprazole",
        expected=frozenset({"serious_illness"}),
    ),
    Story(
        title="Sanjay, 51, waiting for a heart monitor after months of palpitations",
        answers={"heart_disease": "not_sure"},
        goal="hair",
        expected=frozenset({"serious_illness"}),
    ),
    Story(
        title="Megan, 23, type 1 diabetic on an insulin pen, wants help with stretch marks",
        answers={"diabetes": "yes"},
        medicines="insulin (NovoRapid and Lantus)",
        expected=frozenset({"serious_illness"}),
    ),
    Story(
        title="Aoife, 28, takes metformin for PCOS and is not diabetic",
        answers={"diabetes": "no"},
        medicines="Metformin 500mg twice daily",
        expected=frozenset({"serious_illness"}),
    ),
    Story(
        title="Keith, 56, told by the nurse he is 'borderline' for diabetes",
        answers={"diabetes": "not_sure"},
        goal="fat",
        expected=frozenset({"serious_illness"}),
    ),
    # --- Heart attack and stroke ----------------------------------------------------------
    Story(
        title="Brian, 74, had a stroke three years ago and takes clopidogrel",
        answers={"heart_attack_stroke": "yes", "blood_thinners": "yes"},
        goal="pain",
        medicines="clopidogrel 75mg, atorvastatin",
        blood_thinners_details="clopidogrel",
        expected=frozenset({"cardiovascular_event", "anticoagulants"}),
    ),
    Story(
        title="Lorraine, 62, had a 'funny turn' last year that may have been a mini-stroke",
        answers={"heart_attack_stroke": "not_sure"},
        expected=frozenset({"cardiovascular_event"}),
    ),
    # --- Weight-loss expectations --------------------------------------------------------
    Story(
        title="Stacey, 35, hopes to drop two dress sizes before a wedding",
        answers={},
        goal="weight",
        expected=frozenset({"weight_loss_goal"}),
    ),
    Story(
        title="Dean, 41, wants his belly fat gone and hopes he'll lose weight overall",
        answers={"weight_loss": "yes"},
        goal="fat",
        expected=frozenset({"weight_loss_goal"}),
    ),
    Story(
        title="Natalie, 29, after smoother thighs and half-hoping the scales will move too",
        answers={"weight_loss": "not_sure"},
        goal="cellulite",
        expected=frozenset({"weight_loss_goal"}),
    ),
    # --- Several conditions at once ---------------------------------------------------------
    Story(
        title="Patricia, 71, type 2 diabetic, past stroke, on clopidogrel, wants to lose weight",
        answers={"diabetes": "yes", "heart_attack_stroke": "yes", "weight_loss": "yes"},
        goal="weight",
        medicines="metformin, gliclazide, clopidogrel, ramipril",
        expected=frozenset(
            {"serious_illness", "cardiovascular_event", "anticoagulants", "weight_loss_goal"}
        ),
    ),
    Story(
        title="Becky, 33, might be pregnant, eczema flaring on her face, allergic to plasters",
        answers={"pregnant": "not_sure", "skin_problem_at_area": "yes"},
        medicines="emollient cream",
        allergy_details="sticking plasters",
        expected=frozenset({"pregnancy", "skin_infection", "allergy"}),
    ),
    Story(
        title="Jean, 63, rheumatoid arthritis on methotrexate and naproxen, bruises easily",
        answers={
            "autoimmune": "yes",
            "immune_medicines": "yes",
            "bleeding_disorder": "not_sure",
        },
        goal="pain",
        medicines="methotrexate 15mg weekly, folic acid, naproxen 500mg, prednisolone 5mg",
        expected=frozenset({"immune_compromise", "anticoagulants", "bleeding_disorder"}),
    ),
    # --- No flags at all (including near-misses) ----------------------------------------
    Story(
        title="Oliver, 33, thinning at the crown, otherwise fit and well",
        answers=dict.fromkeys(YES_NO_KEYS, "no"),
        goal="hair",
        medicines="paracetamol when needed",
        allergy_details="none",
        expected=frozenset(),
    ),
    Story(
        title="Grace, 26, on the pill, wants to soften fine lines around her eyes",
        answers={"pregnant": "no", "breastfeeding": "no", "allergy": "no"},
        medicines="the pill (Microgynon)",
        allergy_details="No allergies",
        expected=frozenset(),
    ),
    Story(
        title="Aisha, 47, underactive thyroid that is well controlled, wants firmer skin",
        answers={"autoimmune": "no"},
        medicines="levothyroxine 100mcg, vitamin D",
        allergy_details="None known",
        expected=frozenset(),
    ),
    Story(
        title="Callum, 52, takes omeprazole and sertraline, curious about treatment for a scar",
        answers={},
        goal="other",
        goal_details="help an old scar on my arm fade",
        medicines="omeprazole 20mg, sertraline 50mg",
        allergy_details="n/a",
        expected=frozenset(),
    ),
    Story(
        title="Siobhan, 41, takes cetirizine for hay fever but left the allergy box empty",
        answers={"allergy": "no", "severe_allergy": "no"},
        medicines="cetirizine for hay fever",
        allergy_details="   ",
        expected=frozenset(),
    ),
    Story(
        title="Nadia, 38, happy with her weight, just wants a small bulge under her chin gone",
        answers={"weight_loss": "no"},
        goal="fat",
        medicines="multivitamin, vitamin B12",
        allergy_details="-",
        expected=frozenset(),
    ),
    Story(
        title="Harriet, 44, uses a heparinoid bruise cream and takes paracetamol for headaches",
        answers={"blood_thinners": "no", "bleeding_disorder": "no"},
        goal="cellulite",
        medicines="Hirudoid heparinoid cream, paracetamol",
        allergy_details="no",
        expected=frozenset(),
    ),
]
