"""What patients type on phones into the free-text boxes raises the flags it should, and
everyday answers raise none (the probe lists are in free_text_probes.py)."""

import pytest

from tests.patients import all_no_answers
from tests.screening.free_text_probes import (
    BENIGN,
    BENIGN_GOALS,
    GOALS_IN_AMOUNTS,
    MISTYPED_BEYOND_TOLERANCE,
    MISTYPED_GOALS,
    MISTYPED_TWICE,
    PUNCTUATED,
    RISKY,
    RISKY_GOALS,
    SECOND_PROBE,
    SECOND_PROBE_GOALS,
    SMALL_AREA_GOALS,
)

RISKY_ANSWERS = [
    *((text, flag) for flag, texts in RISKY.items() for text in texts),
    *MISTYPED_BEYOND_TOLERANCE,
    *MISTYPED_TWICE,
    *SECOND_PROBE,
    *PUNCTUATED,
]


def raised(questionnaire, answers):
    return {flag.code for flag in questionnaire.flags(answers)}


def goal_in_own_words(text):
    return all_no_answers(goal="other", goal_details=text)


@pytest.mark.parametrize(("medicines", "flag"), RISKY_ANSWERS, ids=[t for t, _ in RISKY_ANSWERS])
def test_what_a_patient_types_for_a_flag_in_the_medicines_box_raises_that_flag(
    questionnaire, medicines, flag
):
    assert flag in raised(questionnaire, all_no_answers(medicines=medicines))


@pytest.mark.parametrize("goal", [*RISKY_GOALS, *MISTYPED_GOALS, *SECOND_PROBE_GOALS])
def test_a_weight_loss_goal_in_the_patients_own_words_raises_the_weight_loss_flag(
    questionnaire, goal
):
    assert "weight_loss_goal" in raised(questionnaire, goal_in_own_words(goal))


@pytest.mark.parametrize("medicines", BENIGN)
def test_an_everyday_medicine_or_a_none_in_the_medicines_box_raises_no_flag(
    questionnaire, medicines
):
    assert raised(questionnaire, all_no_answers(medicines=medicines)) == set()


@pytest.mark.parametrize("goal", [*BENIGN_GOALS, *SMALL_AREA_GOALS])
def test_an_everyday_goal_in_the_patients_own_words_raises_no_flag(questionnaire, goal):
    assert raised(questionnaire, goal_in_own_words(goal)) == set()


@pytest.mark.parametrize("goal", GOALS_IN_AMOUNTS)
def test_a_goal_written_as_an_amount_of_weight_raises_the_weight_loss_flag(questionnaire, goal):
    assert raised(questionnaire, goal_in_own_words(goal)) == {"weight_loss_goal"}


def test_misspelt_warfarin_in_medicines_box_is_flagged(questionnaire):
    assert raised(questionnaire, all_no_answers(medicines="warferin 3mg")) == {"anticoagulants"}


def test_misspelt_immunosuppressed_in_medicines_box_is_flagged(questionnaire):
    answers = all_no_answers(medicines="none, im immunosupressed")
    assert raised(questionnaire, answers) == {"immune_compromise"}


def test_pregnancy_in_everyday_words_or_another_language_is_flagged(questionnaire):
    for medicines in ("bun in the oven", "estoy embarazada", "jestem w ciąży", "enceinte"):
        assert raised(questionnaire, all_no_answers(medicines=medicines)) == {"pregnancy"}


def test_a_heart_operation_or_pacemaker_in_medicines_box_raises_the_serious_illness_flag(
    questionnaire,
):
    for medicines in ("nothing since my heart op", "pacemaker fitted 2020", "triple bypass"):
        assert raised(questionnaire, all_no_answers(medicines=medicines)) == {"serious_illness"}


def test_hair_getting_thinner_is_not_taken_for_blood_thinners(questionnaire):
    assert raised(questionnaire, goal_in_own_words("my hair is getting thinner")) == set()


def test_skin_injections_are_not_taken_for_a_skin_infection(questionnaire):
    assert raised(questionnaire, goal_in_own_words("skin injections for a glow")) == set()


def test_a_flag_written_in_the_somewhere_else_area_box_raises_it(questionnaire):
    answers = all_no_answers(area="other", area_details="lips, where my cold sore is now")
    assert raised(questionnaire, answers) == {"skin_infection"}
