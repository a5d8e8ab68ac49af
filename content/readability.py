"""Reading level of topic pages: US grade 8 or lower, Flesch reading ease 60 or higher."""

from dataclasses import dataclass

import textstat

from content.markdown import plain_text

MAX_GRADE = 8.0
MIN_EASE = 60.0


@dataclass(frozen=True)
class Readability:
    grade: float
    ease: float

    @property
    def meets_target(self):
        return self.grade <= MAX_GRADE and self.ease >= MIN_EASE

    def __str__(self):
        verdict = "meets the target" if self.meets_target else "misses the target"
        return (
            f"US grade {self.grade:.1f} (target {MAX_GRADE:.0f} or lower), "
            f"reading ease {self.ease:.0f} (target {MIN_EASE:.0f} or higher): {verdict}"
        )


def measure(*markdown_texts):
    text = " ".join(plain_text(t) for t in markdown_texts if t)
    if not text:
        return Readability(grade=0.0, ease=100.0)
    return Readability(
        grade=textstat.flesch_kincaid_grade(text), ease=textstat.flesch_reading_ease(text)
    )
