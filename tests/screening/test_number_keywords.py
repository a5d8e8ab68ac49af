"""A "#" in a keyword stands for any number, so an amount of weight written as a goal
raises the weight-loss flag (pure rules, no database)."""

import pytest

from screening import rules

KEYWORDS = {"weight_loss_goal": ["lose weight", "# kg", "# kilogram", "lose # st"]}


def found(text):
    return dict(rules.keywords_found([text], KEYWORDS))


@pytest.mark.parametrize("goal", ["lose 10kg", "lose 10 KG", "get to 60kgs", "lose two kg"])
def test_a_number_in_digits_or_words_matches_the_hash_in_a_keyword(goal):
    assert "weight_loss_goal" in found(goal)


def test_the_reason_shown_is_what_the_patient_wrote_not_the_hash():
    assert found("Lose 10kg by June") == {"weight_loss_goal": "10 kg"}


def test_a_mistyped_long_word_beside_a_number_is_shown_as_typed():
    assert found("lose 3 kilogrms") == {"weight_loss_goal": "3 kilogrms"}


@pytest.mark.parametrize("text", ["kg", "someone kg", "my 1st session", "lose the 1st st"])
def test_a_hash_needs_a_number_of_its_own(text):
    assert found(text) == {}


def test_a_keyword_without_a_hash_is_still_shown_as_the_keyword():
    assert found("I want to lose weight") == {"weight_loss_goal": "lose weight"}


def test_a_decimal_or_a_fraction_is_shown_whole():
    assert found("lose 1.5kg") == {"weight_loss_goal": "1.5 kg"}
    assert found("lose 2/3 kg") == {"weight_loss_goal": "2/3 kg"}


@pytest.mark.parametrize(
    ("goal", "shown"),
    [
        ("lose 10-15kg", "10-15 kg"),
        ("lose 10 \u2013 15 kg", "10-15 kg"),
        ("lose 10 to 15 kg", "10 to 15 kg"),
        ("lose ten to 15 kg", "ten to 15 kg"),
        ("lose 3 1/2 kg", "3 1/2 kg"),
    ],
)
def test_a_range_is_shown_whole(goal, shown):
    assert found(goal) == {"weight_loss_goal": shown}


def test_a_run_of_digits_longer_than_any_amount_is_not_a_number():
    assert found("lose 12345 kg") == {}
    assert found("1" * 5000 + " kg") == {}


def test_two_hashes_in_a_row_are_one_number():
    assert rules.keyword_words("lose ## kg") == ["lose", "#", "kg"]


GOAL = rules.QuestionRule(
    key="goal", kind="choice", flag="weight_loss_goal", scan_for_keywords=True
)
MEDICINES = rules.QuestionRule(key="medicines", kind="text", scan_for_keywords=True)


def test_a_keyword_with_a_number_counts_in_the_box_of_its_own_flags_question():
    reasons = rules.flag_reasons([GOAL], {"goal": "other", "goal_details": "10kg"}, KEYWORDS)
    assert reasons == {"weight_loss_goal": [rules.Reason("goal", "10 kg")]}


def test_a_keyword_with_a_number_does_not_count_in_another_box():
    answers = {"medicines": "iron, dosed for my weight (80kg)"}
    assert rules.flag_reasons([MEDICINES], answers, KEYWORDS) == {}


def test_a_keyword_without_a_number_still_counts_in_every_box():
    answers = {"medicines": "trying to lose weight"}
    reasons = rules.flag_reasons([MEDICINES], answers, KEYWORDS)
    assert reasons == {"weight_loss_goal": [rules.Reason("medicines", "lose weight")]}


def test_a_number_in_two_words_is_shown_whole():
    assert found("lose twenty-five kg") == {"weight_loss_goal": "twenty five kg"}
