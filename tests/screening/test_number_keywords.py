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
