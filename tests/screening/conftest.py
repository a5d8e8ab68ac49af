from datetime import date, timedelta

import pytest

from screening.questionnaire import Questionnaire
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


@pytest.fixture
def questionnaire(db):
    return Questionnaire.current()


@pytest.fixture
def complete_questionnaire(client, questionnaire):
    """Walk the whole questionnaire through the web pages with the given answers."""

    def walk(answers=None, contact=None):
        answers = answers or all_no_answers()
        client.get("/screening/about-you/")
        response = client.post(
            "/screening/about-you/", {**CONTACT, **consult_date_fields(), **(contact or {})}
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        for step in ["treatment", "medicines", "skin-and-immunity", "other-conditions"]:
            step_data = {
                key: value
                for q in questionnaire.in_section(step)
                for key, value in answers.items()
                if key in (q.key, f"{q.key}_details")
            }
            response = client.post(f"/screening/{step}/", step_data)
            assert response.status_code == 302, (step, response.content.decode()[:3000])
        return client.post("/screening/check-your-answers/", {"consent": "on"})

    return walk
