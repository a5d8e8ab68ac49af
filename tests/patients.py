"""Answers and contact details for walking the questionnaire in tests."""

from datetime import date, timedelta

from tests.stories import YES_NO_KEYS

CONTACT = {
    "full_name": "Jo Patient",
    "date_of_birth_0": "27",
    "date_of_birth_1": "3",
    "date_of_birth_2": "1985",
    "email": "jo@example.com",
    "phone": "",
}


def consult_date_fields(days_ahead=14):
    when = date.today() + timedelta(days=days_ahead)
    return {"consult_date_0": when.day, "consult_date_1": when.month, "consult_date_2": when.year}


def all_no_answers(**overrides):
    answers = dict.fromkeys(YES_NO_KEYS, "no")
    answers.update(area="face", goal="skin", medicines="", allergy_details="")
    answers.update(overrides)
    return answers
