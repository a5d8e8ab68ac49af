"""Words patients must never read from us: the questionnaire does not diagnose, never
says someone is safe or excluded, and never tells anyone to stop a medicine."""

import re

from django.core.exceptions import ValidationError

# "Do not stop taking it" is the advice we want; "stop taking it" is not.
NOT_NEGATED = r"(?<!not )(?<!never )(?<!n't )"
UNSAFE = [
    r"\byou are safe\b", r"\bsafe for you\b", r"\bsafe to have\b", r"\bexcluded\b",
    r"\byou cannot have\b", r"\byou can'?t have\b", rf"{NOT_NEGATED}\bstop (taking|using|your)\b",
    r"\byou have (a|an) \w+ disorder", r"\bdiagnos(is|ed) (you|with)\b", r"\bnot eligible\b",
]  # fmt: skip
_UNSAFE = re.compile("|".join(f"(?:{pattern})" for pattern in UNSAFE), re.IGNORECASE)


def unsafe_phrase(text):
    """The first phrase in `text` patients must not read from us, or None."""
    plain = re.sub(r"\s+", " ", text.replace("\u2019", "'"))  # curly apostrophes, line breaks
    found = _UNSAFE.search(plain)
    return found.group() if found else None


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
