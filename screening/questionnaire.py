"""The questionnaire as it stands now: its questions, its version and its flag rules."""

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache

from mesoinfo.recent import Recent, now_and_on_commit
from screening import rules
from screening.models import Contraindication, Question, Section

CACHE_KEY = "screening:questionnaire"
_current = Recent()


@dataclass(frozen=True)
class Questionnaire:
    questions: tuple
    contraindications: dict

    @classmethod
    def current(cls):
        """The active questionnaire: from this process (checked each second), else the
        shared cache, else the database (two queries)."""
        return _current.get(cls._load)

    @classmethod
    def _load(cls):
        questionnaire = cache.get(CACHE_KEY)
        if questionnaire is None:
            order = {section: n for n, section in enumerate(Section.ordered())}
            questions = sorted(
                Question.objects.active(), key=lambda q: (order[q.section], q.position)
            )
            questionnaire = cls(
                questions=tuple(questions),
                contraindications={c.code: c for c in Contraindication.objects.all()},
            )
            cache.set(CACHE_KEY, questionnaire, None)  # cleared whenever it is reworded
        return questionnaire

    def in_section(self, section):
        return [q for q in self.questions if q.section == section]

    @cached_property
    def version(self):
        wording = [
            [q.key, q.section, q.position, q.text, q.help_text, q.choices, q.follow_up]
            for q in self.questions
        ] + [[c.code, c.name, c.explanation, c.guidance, c.keywords] for c in self.flag_order()]
        digest = hashlib.sha256(json.dumps(wording).encode()).hexdigest()
        return digest[:12]

    def flag_order(self):
        return sorted(self.contraindications.values(), key=lambda c: c.position)

    def flags(self, answers):
        """The contraindications these answers raise, in the questionnaire's order."""
        return [flag for flag, _ in self.raised(answers)]

    def raised(self, answers):
        """(contraindication, its rules.Reason list) for each flag these answers raise."""
        reasons = rules.flag_reasons(self.question_rules, answers, self.keywords_by_flag)
        return [(c, reasons[c.code]) for c in self.flag_order() if c.code in reasons]

    # Worked out once per questionnaire, not on every send.
    @cached_property
    def question_rules(self):
        return [q.rule() for q in self.questions]

    @cached_property
    def keywords_by_flag(self):
        return {c.code: c.keyword_list() for c in self.contraindications.values()}

    def snapshot(self, answers):
        """Every question as the patient saw it, with their answer in words."""
        return [_snapshot_row(question, answers) for question in self.questions]


def _snapshot_row(question, answers):
    answer = answers.get(question.key, "")
    labels = dict(question.choice_list())
    row = {
        "key": question.key,
        "section": Section(question.section).label,
        "question": question.text,
        "hint": question.help_text,
        "answer": answer,
        "answer_text": labels.get(answer, answer),
    }
    if question.follow_up:
        row["follow_up"] = question.follow_up
        row["follow_up_answer"] = answers.get(f"{question.key}_details", "")
    return row


def questionnaire_changed(**kwargs):
    """Signal receiver: an admin reworded the questionnaire. Cleared now and again when
    the edit commits, in case another worker re-cached the old wording in between."""
    now_and_on_commit(forget_questionnaire)


def forget_questionnaire():
    cache.delete(CACHE_KEY)
    _current.forget()
