"""Words patients must never read from us: the questionnaire does not diagnose, never
says someone is safe or excluded, and never tells anyone to stop a medicine."""

import re
import unicodedata

from django.core.exceptions import ValidationError

FLAGS = re.IGNORECASE
# Wrong wherever they appear.
NEVER = re.compile(
    r"\byou(?: are|'re) (?:\w+ly )?safe\b|\bsafe for you\b|\bexcluded\b|\bineligible\b"
    r"|\bnot eligible\b|\byou (?:cannot|can't|can not) have\b|\byou are (?:not |un)suitable\b"
    r"|\bwe (?:have )?diagnosed\b|\byour diagnosis is\b",
    FLAGS,
)
# Orders to stop a medicine, unless just after "not", "never" or "n't" ("Do not
# suddenly stop taking it" is the advice we want). Creams and exfoliants may be stopped,
# and the other verbs ("skip", "pause"…) are only orders when a medicine follows them:
# "skip your make-up" is fine.
MEDICINE = (
    r"(?:medicines?|medications?|meds|tablets?|pills?|doses?|prescriptions?"
    r"|blood[ -]thinners?|anticoagulants?|anti-coagulants?|warfarin|aspirin|apixaban"
    r"|rivaroxaban|heparin|clopidogrel|ibuprofen|naproxen|insulin|steroids?)"
)
STOPPING = r"stop(?:s|ping|ped)?"
OTHER_VERBS = (
    r"discontinu(?:e|es|ed|ing)|paus(?:e|es|ed|ing)|quit(?:s|ting)?|skip(?:s|ped|ping)?"
    r"|ceas(?:e|es|ed|ing)|halt(?:s|ed|ing)?|hold(?:s|ing)?(?: off(?: on)?)?"
    r"|(?:do not|don't|dont) take|(?:come|coming|go|going) off"
)
STOP = re.compile(
    rf"\b{STOPPING} (?:taking|using your|your)\b|\b(?:come|coming) off (?:your|any|all)\b"
    rf"|\b(?:{STOPPING}|{OTHER_VERBS}) (?:taking |using )?(?:your |any |all |the |this |that )?"
    rf"(?:\w+ )?{MEDICINE}\b",
    FLAGS,
)
NEGATED = re.compile(r"(?:\bnot|\bnever|n't)(?: \w+ly)? $", FLAGS)
# A diagnosis, unless asked as a question ("Do you have a bleeding disorder?").
DIAGNOSIS = re.compile(r"\byou have (?:a|an) (?:\w+ )?disorder\b", FLAGS)
ASKED = re.compile(r"\b(?:do|if|whether|may|might)\s*$", FLAGS)


def unsafe_phrase(text):
    """The first phrase in `text` patients must not read from us, or None."""
    plain = re.sub(r"\s+", " ", visible(text).replace("\u2019", "'"))  # curly ', line breaks
    if found := NEVER.search(plain):
        return found.group()
    for pattern, excused in ((STOP, NEGATED), (DIAGNOSIS, ASKED)):
        for found in pattern.finditer(plain):
            if not excused.search(plain[: found.start()]):
                return found.group()
    return None


def visible(text):
    """Roughly what a reader sees: without Markdown's emphasis and link marks
    ("**Stop** taking", "[stop your](#) tablets"), and without the zero-width spaces and
    soft hyphens a paste can bring, any of which would otherwise hide "stop" here."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [words](address) -> words
    return re.sub(r"[*_`~]+", "", text)


def unsafe_wording_errors(instance, fields):
    """{field: error} for each of `fields` whose text has a phrase patients must not read."""
    errors = {}
    for field in fields:
        phrase = unsafe_phrase(getattr(instance, field) or "")
        if phrase:
            errors[field] = ValidationError(
                f"Patients read this, and it says “{phrase}”. The site never tells anyone "
                "they are safe or excluded, never diagnoses, and never tells anyone to stop "
                "a medicine: say what to talk about with a clinician instead.",
                code="unsafe_wording",
            )
    return errors
