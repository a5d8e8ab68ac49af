"""Words patients must never read from us: the questionnaire does not diagnose, never
says someone is safe or excluded, and never tells anyone to stop a medicine."""

import re
from functools import lru_cache

from django.core.exceptions import ValidationError

from screening import rules

FLAGS = re.IGNORECASE
# Wrong wherever they appear.
NEVER = re.compile(
    r"\byou(?: are|'re|(?: will|'ll| would| should)? be) (?:\w+ly )?safe\b|\bsafe for you\b"
    r"|\bexcluded\b|\bineligible\b"
    r"|\bnot eligible\b|\byou (?:cannot|can't|can not) have\b|\byou are (?:not |un)suitable\b"
    r"|\bwe (?:have )?diagnosed\b|\byour diagnosis is\b",
    FLAGS,
)
# A claim that something is safe for someone pregnant or breastfeeding ("Mesotherapy is
# safe while you're pregnant"), not crossing "but" or "not" ("safe for most people but
# not during pregnancy"), unless asked or doubted just before ("It is not known whether
# it is safe during pregnancy", "Mesotherapy is not safe during pregnancy").
SAFE_WHILE = re.compile(
    r"\b(?:is|are|be|it's|that's|'s)(?: \w+ly)? safe\b(?: (?!but\b|not\b|except\b)[\w']+){0,6}"
    r" (?:during|while|when|in|for) (?:[\w']+ ){0,3}"
    r"(?:pregnan\w*|breast-?feeding|breastfeed\w*|nursing|expecting)",
    FLAGS,
)
DOUBTED = re.compile(
    r"(?:\b(?:not|never)|n't)(?: \w+ly)?(?: be)? $|\b(?:whether|if)(?: [\w']+){0,3} $"
    r"|\b(?:unknown|unclear|not known|not been shown|not proven|no evidence|not sure)\b[^.!?]*$",
    FLAGS,
)
# Orders to stop a medicine: plain commands ("Stop your warfarin", "Skip your dose").
# Not after "not", "never" or "n't", even in a list ("Do not stop or skip your
# tablets" is the advice we want), not after "if you…" ("If you skip a dose…") unless
# it is urged ("We recommend that you stop…", "Patients should stop…"), and not in a
# question ("Have you stopped…?"). "Stopping your…" is refused too, as it can be advice
# to stop, though "Stopping some of these can be dangerous" is not.
# Creams and exfoliants may be stopped. The other verbs are orders only when a
# medicine follows them ("skip your make-up" is fine): these words, and the keywords of
# the flags about medicines (see unsafe_wording_errors).
MEDICINES = (
    "medicines?", "medications?", "meds", "tablets?", "pills?", "doses?", "prescriptions?",
    "blood[ -]thinners?", "anti-?coagulants?", "warfarin", "aspirin", "apixaban",
    "rivaroxaban", "heparin", "clopidogrel", "ibuprofen", "naproxen", "insulin", "steroids?",
)  # fmt: skip
MEDICINE_FLAGS = ("anticoagulants", "immune_compromise", "serious_illness")
VERBS = (
    r"stop|discontinue|pause|quit|skip|cease|halt|hold(?: off(?: on)?)?|avoid|withhold|omit"
    r"|miss|leave off|come off|go off|give up|cut out|drop|refrain from"
    r"|(?:(?:do not|don't|dont|no longer) )(?:take|use)"
)
# The same orders as urged: "We recommend stopping aspirin".
URGED_VERBS = (
    r"(?:recommend|advise|suggest|consider|try)\w* (?:stopping|discontinuing|pausing|quitting"
    r"|skipping|ceasing|halting|holding|avoiding|withholding|omitting|missing|dropping"
    r"|giving up|cutting out|coming off)"
)
URGING = re.compile(URGED_VERBS, FLAGS)
DETERMINERS = r"your|their|his|her|my|our|any|all|the|this|that|these|those|a|an"
NEGATED = re.compile(
    r"(?:\bnot|\bnever|n't)(?: \w+ly)?(?: (?:recommend|advise|suggest)\w*(?: that)?(?: you)?)?"
    r"(?: \w+(?:,| or| and))* $",
    FLAGS,
)
CONDITIONAL = re.compile(
    r"\b(?:if|when|unless|you|who|they|we|people|patients|anyone|someone) $", FLAGS
)
URGED = re.compile(
    r"\b(?:that|should|must|need to|needs to|have to|has to|ought to|please"
    r"|(?:recommend|advise|ask|tell|urge)\w*(?: you| patients| people| everyone)? to"
    r"|(?:recommend|advise|suggest|prefer|urge|want)\w*(?= you))"
    r"(?: you| patients| people| everyone| they)? $",
    FLAGS,
)
# A diagnosis, unless asked as a question ("Do you have a bleeding disorder?").
DIAGNOSIS = re.compile(r"\byou have (?:a|an) (?:\w+ )?disorder\b", FLAGS)
ASKED = re.compile(r"\b(?:do|if|whether|may|might)\s*$", FLAGS)


@lru_cache(maxsize=16)
def stop_orders(medicine_words=()):
    words = "|".join(
        [*MEDICINES, *(r"\s+".join(map(re.escape, w.split())) for w in medicine_words)]
    )
    return re.compile(
        r"\bstop(?:ping)? (?:taking|using your|your)\b|\bcome off (?:your|any|all)\b"
        rf"|\b(?:{VERBS}|{URGED_VERBS}) (?:taking |using )?"
        rf"(?:(?:{DETERMINERS}) (?:\w+ )?)?(?:{words})\b",
        FLAGS,
    )


def unsafe_phrase(text, medicine_words=()):
    """The first phrase in `text` patients must not read from us, or None.
    `medicine_words`: more names of medicines than the built-in few."""
    plain = re.sub(r"\s+", " ", visible(text))  # line breaks too
    if found := NEVER.search(plain):
        return found.group()
    for found in stop_orders(tuple(medicine_words)).finditer(plain):
        if ordered(plain, found):
            return found.group()
    for found in SAFE_WHILE.finditer(plain):
        if not (DOUBTED.search(sentence_before(plain, found)) or asked(plain, found)):
            return found.group()
    for found in DIAGNOSIS.finditer(plain):
        if not ASKED.search(plain[: found.start()]):
            return found.group()
    return None


def ordered(text, found):
    before = text[: found.start()]
    if NEGATED.search(before):
        return False
    if URGED.search(before) or URGING.match(found.group()):
        return True
    return not (CONDITIONAL.search(before) or asked(text, found))


def sentence_before(text, found):
    return re.split(r"[.!?]", text[: found.start()])[-1]


def asked(text, found):
    """Is the match inside a question?"""
    end = re.search(r"[.!?]", text[found.end() :])
    return end is not None and end.group() == "?"


def visible(text):
    """Roughly what a reader sees: without Markdown's emphasis and link marks
    ("**Stop** taking", "[stop your](#) tablets"), and without the zero-width spaces and
    soft hyphens a paste can bring (the same clean-up the flag rules make), any of which
    would otherwise hide "stop" here."""
    text = rules.unhidden(text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [words](address) -> words
    return re.sub(r"[*_`~]+", "", text)


def unsafe_wording_errors(instance, fields, *, also=None):
    """{field: error} for each of `fields` whose text has a phrase patients must not read.
    `also`: {field: text} to check as well, such as a page's rendered words."""
    errors = {}
    words = medicine_keywords()
    for field in fields:
        texts = [getattr(instance, field) or "", (also or {}).get(field, "")]
        phrase = next(filter(None, (unsafe_phrase(text, words) for text in texts)), None)
        if phrase:
            errors[field] = ValidationError(
                f"Patients read this, and it says “{phrase}”. The site never tells anyone "
                "they are safe or excluded, never diagnoses, and never tells anyone to stop "
                "a medicine: say what to talk about with a clinician instead.",
                code="unsafe_wording",
            )
    return errors


def medicine_keywords():
    """The keywords of the flags about medicines ("eliquis", "methotrexate"…), which an
    admin keeps up to date, so "Stop your Eliquis" is caught too."""
    from screening.models import Contraindication  # screening's models use this module

    flags = Contraindication.objects.filter(code__in=MEDICINE_FLAGS)
    return tuple(sorted({word for flag in flags for word in flag.keyword_list()}))
