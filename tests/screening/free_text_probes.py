"""What patients type on phones into the free-text boxes, for the keyword probe.

RISKY maps each flag code to answers that must raise it when written in the medicines
box: misspellings, abbreviations, everyday phrases, brand names and a few words in
Spanish, Polish and French. MISTYPED_BEYOND_TOLERANCE adds (answer, flag) pairs typed
too far off for the one-letter tolerance, and PUNCTUATED phrases whose words are parted
by punctuation. RISKY_GOALS and MISTYPED_GOALS are "Something else" goals that must
raise the weight-loss flag, as must GOALS_IN_AMOUNTS, goals written as an amount of
weight. BENIGN and BENIGN_GOALS must raise nothing. Which answer raises which flag
follows section 6 of the mesotherapy fact sheet.
"""

RISKY = {
    "pregnancy": (
        "10 weeks pregnant", "pregnancy multivitamin", "pregnacare", "prenatal vitamins",
        "expecting a baby in May", "I'm expecting", "pregnent", "pregant", "pregnat", "preganant",
        "prengant", "pragnant", "12 weeks pregnent", "pregnancey", "preggers", "preggo",
        "bun in the oven", "im expecting", "Im expecting my first", "i am expecting",
        "we're expecting twins", "expecting twins", "trying for a baby", "trying to conceive",
        "TTC", "IVF", "cyclogest pessaries", "pre-natal vitamins", "second trimester",
        "embarazada", "estoy embarazada", "w ciąży", "jestem w ciąży", "enceinte",
        "je suis enceinte", "grossesse", "schwanger", "missed period",
    ),
    "breastfeeding": (
        "breast feeding", "breastfeeding my son", "Pregnacare breast-feeding",
        "breastfeed at night", "breastfeading", "brestfeeding", "breastfeding", "breast fed baby",
        "still nursing", "nursing my 4 month old", "lactating", "expressing milk", "pumping milk",
        "chestfeeding", "lactancia", "dando el pecho", "karmię piersią", "allaitement",
        "j'allaite",
    ),
    "anticoagulants": (
        "Warfarin 3mg", "warfrin", "baby aspirin", "asprin 75mg", "Eliquis 5mg", "xarelto",
        "clopidogrel", "Plavix", "blood thinners", "on blood thinners", "fish oil", "Omega-3",
        "vit E", "gingko", "Nurofen most days", "ibuprofen", "Clexane injections", "Brilinta",
        "cod liver oil", "garlic tablets", "warferin", "wafarin", "warfarn", "clopidagrel",
        "clopidigrel", "clopidrogel", "apixiban", "rivaroxiban", "rivaroxoban", "rivoroxaban",
        "elequis", "eloquis", "xaralto", "zarelto", "heprin injections", "enoxoparin",
        "dabigatron", "ticagralor", "prasugral", "ibuprofin", "iboprofen", "ibuprophen", "brufen",
        "neurofen", "naproxin", "aspirn", "aspririn", "on thinners", "blood thiners", "DOAC",
        "NOAC", "anticoagulation", "caprin", "anadin", "excedrin", "meloxicam", "celecoxib",
        "celebrex", "etoricoxib", "arcoxia", "mefenamic acid", "ponstan", "indomethacin", "ginko",
        "krill oil", "vitamine e", "NSAIDs", "anti inflammatories", "acard", "polocard",
        "kardegic", "previscan", "adiro", "anticoagulante", "acenocumarol",
    ),
    "bleeding_disorder": (
        "haemophilia A", "von Willebrand's", "low platelets", "hemophelia", "haemophillia",
        "hemophila", "willebrands disease", "vwd", "bruise easily", "bruises easily",
        "easy bruising", "bleed easily", "low platelet count", "ITP", "thrombocytopenia",
        "factor v leiden", "thrombophilia", "clotting problem", "bleeding problems",
    ),
    "skin_infection": (
        "cold sore on my lip", "cold sores", "aciclovir cream", "impetigo", "coldsore", "herpes",
        "fever blister", "zovirax", "valtrex", "famciclovir", "impetago", "eczma", "exzema",
        "excema", "eczema flare", "psoriasis", "dermatitis", "shingles", "cellulitis",
        "infected spots", "skin infection", "fucidin cream", "fusidic acid", "mupirocin",
        "bactroban",
    ),
    "allergy": (
        "allergic to penicillin", "EpiPen", "anaphylaxis to nuts", "lidocaine allergy", "alergy",
        "alergic to penicillin", "alergies", "allegic", "anaphalaxis", "anaphylaxsis",
        "adrenaline auto-injector", "anapen", "hypersensitivity to lidocaine",
    ),
    "immune_compromise": (
        "methotrexate", "prednisolone 5mg", "steroids", "steroid tablets", "chemo",
        "chemotherapy", "on biologics", "Humira", "HIV+", "HIV positive", "lupus",
        "Crohn's disease", "rheumatoid arthritis", "azathioprine", "multiple sclerosis",
        "immunosupressed", "immunosuppressed", "immunocompromised", "immuno compromised",
        "immunocomprimised", "weak immune system", "weakened immune system", "immunodeficiency",
        "methotrexeate", "metotrexate", "mtx weekly", "prednisalone", "prednisilone",
        "predisolone", "pred 5mg", "steriods", "cortisone", "cemo", "kemo", "chemotherepy",
        "chemotheraphy", "amgevita", "hyrimoz", "imraldi", "benepali", "remsima", "inflectra",
        "skyrizi", "tremfya", "taltz", "ocrevus", "tysabri", "gilenya", "tecfidera", "kesimpta",
        "actemra", "orencia", "sulfasalazine", "lupis", "autoimmune", "auto immune disease",
        "auto-immune condition", "rheumatoid", "rhumatoid arthritis", "sjogrens", "scleroderma",
        "psoriatic arthritis", "ankylosing spondylitis", "vasculitis", "chrons",
        "chron's disease", "colitis", "IBD", "kidney transplant", "organ transplant",
        "coeliac disease", "celiac", "hashimoto's", "graves disease", "alopecia areata",
        "myasthenia gravis",
    ),
    "serious_illness": (
        "breast cancer", "diabetes type 2", "diabetic", "metformin", "insulin", "Ozempic",
        "Mounjaro", "stent", "stents", "angina", "GTN spray", "heart failure", "dialysis",
        "liver cirrhosis", "tamoxifen", "tumour", "brain tumor", "leukaemia", "leukemia",
        "lymphoma", "myeloma", "melanoma", "carcinoma", "radiotherapy", "oncology", "tamoxifan",
        "letrozol", "zoladex", "keytruda", "capecitabine", "bicalutamide", "abiraterone",
        "imatinib", "ibrance", "femara", "diabeties", "diabetis", "diebetes", "T2D", "t2dm",
        "T1D", "diabete", "cukrzyca", "metforman", "metformine", "insulen", "humulin", "novomix",
        "toujeo", "abasaglar", "fiasp", "victoza", "liraglutide", "rybelsus", "byetta",
        "pioglitazone", "linagliptin", "trajenta", "janumet", "invokana", "freestyle libre",
        "dexcom", "ozempik", "monjaro", "heart disease", "heart condition", "heart problems",
        "heart bypass", "triple bypass", "CABG", "heart op", "heart operation", "heart surgery",
        "open heart surgery", "pacemaker", "pace maker", "defibrillator", "atrial fibrillation",
        "afib", "a-fib", "irregular heartbeat", "arrhythmia", "arrythmia",
        "heart valve replacement", "cardiomyopathy", "isosorbide mononitrate", "nicorandil",
        "ranolazine", "ivabradine", "flecainide", "sotalol", "bumetanide", "lanoxin",
        "nitroglycerin", "CKD", "kidney failure", "renal failure", "kidney problems", "hepatitis",
        "hep c", "hep b", "fatty liver", "NAFLD", "liver failure", "liver problems",
    ),
    "cardiovascular_event": (
        "mini stroke", "mini-stroke", "TIA", "stroke in 2019", "had a heart attack",
        "myocardial infarction", "heart atack", "hart attack", "heartattack", "heart attact",
        "t.i.a", "CVA", "STEMI", "NSTEMI", "cardiac arrest", "brain haemorrhage", "brain bleed",
        "ictus", "infarto", "zawał serca", "udar", "AVC", "infarctus",
    ),
    "weight_loss_goal": (
        "Wegovy", "saxenda", "orlistat", "zepbound", "phentermine", "mysimba", "contrave",
        "qsymia",
    ),
}  # fmt: skip

RISKY_GOALS = (
    "lose weight", "weight loss", "losing weight before my holiday", "weight-loss",
    "loose weight", "loose some weight", "lose some weight", "lose a bit of weight",
    "lose a few pounds", "lose a stone", "drop a dress size", "slim down",
    "slimming", "get slimmer", "weightloss", "obesity", "I'm obese", "overweight",
    "reduce my weight", "weight reduction", "lose my baby weight", "bajar de peso", "perder peso",
    "drop some pounds", "shed some pounds", "lose some pounds", "weigh less", "be skinny",
    "look skinnier", "help me get to a healthy weight", "weight management", "manage my weight",
    "bring my weight down", "reduce body fat", "burn fat all over", "get down a jean size",
    "adelgazar", "schudnąć", "maigrir", "perdre du poids",
)  # fmt: skip

BENIGN = (
    "no", "none", "nothing", "n/a", "nil", "None at the moment", "nope", "not taking anything",
    "no medication", "no meds", "nothing regular", "-", "vitamin d", "Vitamin D3 1000iu", "vit d",
    "vitamin c", "vitamin b12", "b12 injections", "multivitamin", "centrum", "biotin",
    "collagen supplement", "zinc", "magnesium", "iron tablets", "ferrous sulphate",
    "ferrous fumarate", "calcium and vitamin d", "adcal d3", "probiotics", "hair vitamins",
    "perfectil", "viviscal", "hair skin and nails gummies", "apple cider vinegar gummies",
    "melatonin", "ashwagandha", "spirulina", "echinacea for my immune system", "berocca",
    "glucosamine", "inulin fibre", "whey protein", "creatine", "protein shakes", "the pill",
    "contraceptive pill", "microgynon", "rigevidon", "cerazette", "desogestrel", "mini pill",
    "yasmin", "nexplanon implant", "mirena coil", "depo injection", "levonorgestrel",
    "levothyroxine", "levothyroxine 100mcg", "thyroxine", "eltroxin", "synthroid", "cetirizine",
    "loratadine", "fexofenadine", "piriton", "chlorphenamine", "hay fever tablets",
    "antihistamines", "beconase", "nasal spray", "benadryl", "zirtek", "clarityn", "allegra",
    "atorvastatin", "simvastatin", "rosuvastatin", "statins", "lipitor", "crestor", "ezetimibe",
    "amlodipine", "ramipril", "lisinopril", "losartan", "candesartan", "indapamide",
    "blood pressure tablets", "propranolol for anxiety", "sertraline", "citalopram", "fluoxetine",
    "prozac", "escitalopram", "mirtazapine", "venlafaxine", "amitriptyline", "quetiapine",
    "diazepam", "zopiclone", "pregabalin", "gabapentin", "duloxetine", "methylphenidate",
    "elvanse", "omeprazole", "lansoprazole", "gaviscon", "rennie", "famotidine", "buscopan",
    "mebeverine", "fybogel", "senna", "movicol", "loperamide", "paracetamol", "co-codamol",
    "codeine", "tramadol", "paracetamol when needed", "the odd paracetamol", "tylenol",
    "acetaminophen", "sumatriptan", "retinol cream", "tretinoin", "minoxidil", "regaine",
    "finasteride", "spironolactone", "azelaic acid", "niacinamide serum", "vitamin c serum",
    "sunscreen spf 50", "hyaluronic acid serum", "HRT patches", "evorel", "oestrogel",
    "estradiol", "utrogestan", "testosterone gel", "salbutamol inhaler", "ventolin",
    "montelukast", "tamsulosin", "sildenafil", "allopurinol", "eye drops", "nitrofurantoin",
    "amoxicillin for a chest infection", "st johns wort", "valerian", "sudafed", "lemsip",
    "just the pill", "only vitamins", "just a multivitamin and vitamin d", "i dont take any",
    "ninguno", "nada", "brak", "aucun", "rien", "propranolol", "metoclopramide",
    "latanoprost eye drops", "lamotrigine", "levetiracetam", "sodium valproate", "carbamazepine",
    "topiramate", "metronidazole", "doxycycline", "lymecycline", "clarithromycin", "hydroxyzine",
    "promethazine", "cyclizine", "ondansetron", "domperidone", "clotrimazole", "canesten",
    "terbinafine", "fluconazole", "hydroxocobalamin", "folic acid", "oxybutynin", "solifenacin",
    "alendronic acid", "norethisterone", "cabergoline", "desmopressin", "colecalciferol",
    "carbocisteine", "naltrexone", "buprenorphine", "oxycodone", "morphine", "bisoprolol",
    "doxazosin", "lithium", "aripiprazole", "olanzapine", "risperidone", "trazodone",
    "melatonin 3mg", "lanolin cream", "vitamin k2", "turmeric latte", "my programme at the gym",
    "swimming", "injections of vitamin b12",
    # Amounts of weight outside the goal box: a body weight for a dose, kidney stones.
    "iron tablets, dosed for my weight (80kg)", "tamsulosin after 2 stones removed from my kidney",
    "lost 3 stone last year, no medicines", "1.5mg/kg", "x" + "1" * 5000 + " kg",
)  # fmt: skip

BENIGN_GOALS = (
    "fresher looking skin", "help with my acne scars", "thinning hair on my crown",
    "my hair is getting thinner", "reduce my double chin", "stubborn fat on my tummy",
    "get rid of my love handles", "tone up my thighs", "cellulite on my bum",
    "dark circles under my eyes", "pigmentation", "melasma", "wrinkles around my eyes",
    "neck lines", "stretch marks", "dull skin since having my baby", "knee pain from running",
    "tennis elbow", "frown lines", "thicker hair after my hair transplant", "sagging jowls",
    "crepey skin on my arms", "not expecting miracles, just a glow",
    "brighter skin for my wedding", "improve skin texture", "open pores", "under eye bags",
    "smoother neck", "look less tired", "a healthy glow", "skin injections for a glow",
    "I go swimming a lot, so something with little downtime", "hair thinness on top",
    "plumper lips", "my hair is thinning after my second child",
    "look 10 years younger", "I'm 45 and want fresher skin", "1st time trying this",
    "ready for my 40th", "hair loss for 3 years", "2 sessions before my wedding on 12 June",
    "fix the 11 lines between my brows", "a size 10 dress still fits, just want firmer skin",
    "lose the fat under my chin", "make my face look thinner", "less fat on my knees",
    "skin that looks healthy", "lighter skin on my cheeks",
)  # fmt: skip

# Two slips in a word under eleven letters, or one in a word under seven, are beyond the
# tolerance: these common ones are keywords of their own.
MISTYPED_BEYOND_TOLERANCE = (
    ("apixibam", "anticoagulants"), ("ibrufen", "anticoagulants"),
    ("blod thinners", "anticoagulants"), ("sorasis", "skin_infection"), ("anafalaxis", "allergy"),
    ("cancar", "serious_illness"), ("cirosis", "serious_illness"),
)  # fmt: skip
# Two slips in a long name are within it.
MISTYPED_TWICE = (
    ("imunosupressed", "immune_compromise"), ("hydroxicloroquine", "immune_compromise"),
    ("metotrexat", "immune_compromise"), ("mycofenolate", "immune_compromise"),
    ("cyclophosfamide", "immune_compromise"), ("brestfeding", "breastfeeding"),
    ("rivaroksaban", "anticoagulants"),
)  # fmt: skip
MISTYPED_GOALS = ("lose wieght", "lose weigth")
# Found by an exploratory test of the patient side (migration 0036).
SECOND_PROBE = (
    ("immuno-suppressants for my kidney", "immune_compromise"),
    ("anti-rejection tablets", "immune_compromise"), ("chemo last year", "serious_illness"),
    ("radio-therapy in 2022", "serious_illness"), ("in remission now", "serious_illness"),
    ("heart murmur", "serious_illness"), ("hearth attack in 2019", "cardiovascular_event"),
    ("clot on the brain", "cardiovascular_event"), ("Elevit, baby due in March", "pregnancy"),
    ("mum to be", "pregnancy"), ("12 wks preg", "pregnancy"), ("im prego", "pregnancy"),
    ("feeding my baby myself", "breastfeeding"), ("I express milk", "breastfeeding"),
    ("I bruise really easily", "bleeding_disorder"), ("easy bruiser", "bleeding_disorder"),
    ("I take thinners", "anticoagulants"), ("tablets to stop clots", "anticoagulants"),
)  # fmt: skip
SECOND_PROBE_GOALS = ("look slimmer, lose a few lbs", "lose wight", "lower my BMI")
# Words for one small area, or for looks, that must not raise a flag.
SMALL_AREA_GOALS = ("to be slimmer in the face", "make my face look thinner", "get thinner")
# A phrase's words parted by punctuation rather than a space.
PUNCTUATED = (
    ("factor V (Leiden)", "bleeding_disorder"), ("factor v/leiden", "bleeding_disorder"),
    ("heart/attack in 2019", "cardiovascular_event"), ("hep (C)", "serious_illness"),
    ("fatty/liver", "serious_illness"), ("I bleed (easily)", "bleeding_disorder"),
)  # fmt: skip
# Goals written as an amount of weight, in digits or words (keywords with "#").
GOALS_IN_AMOUNTS = (
    "lose 10kg", "lose 10 kg", "Lose 10KG before summer", "get down to 60kg", "lose 1.5 kilos",
    "lose two kilos", "drop 2 stone", "lose 2st", "shed 5lbs", "lose ten pounds",
    "lose 20 lb", "lose half a stone", "lose 3 kilograms", "lose 3 kilogrms", "go down a size",
    "drop 2 sizes", "drop two stones before my wedding", "12kg", "lose fourteen pounds",
    "sixteen pounds", "eighteen kg", "sixty pounds", "a hundred pounds", "two hundred pounds",
    "lose 5 kilogrammes", "lose one and a half stone", "lose 1 and a half stone",
    "lose a half stone", "lose about a stone", "drop a stone", "lose a few kilos",
    "lose a couple of stone", "lose ½ a stone",
)  # fmt: skip
