"""The submission page says which answers raised each flag, so a clinician is never left
with a flag beside answers that all read "No"."""

import pytest
from bs4 import BeautifulSoup

from screening import rules
from screening.models import Submission
from tests.patients import all_no_answers

pytestmark = pytest.mark.django_db

MEDICINES = rules.QuestionRule(key="medicines", kind="text", scan_for_keywords=True)
BLOOD_THINNERS = rules.QuestionRule(key="blood_thinners", kind="yes_no", flag="anticoagulants")
KEYWORDS = {"anticoagulants": ["warfarin", "apixaban"], "allergy": ["lidocaine"]}


def test_a_keyword_in_the_medicines_box_is_given_as_the_reason_for_its_flag():
    answers = {"blood_thinners": "no", "medicines": "Warfarin 5mg, lidocaine cream"}
    reasons = rules.flag_reasons([BLOOD_THINNERS, MEDICINES], answers, KEYWORDS)
    assert reasons == {
        "anticoagulants": [rules.Reason("medicines", "warfarin")],
        "allergy": [rules.Reason("medicines", "lidocaine")],
    }


def test_a_yes_and_a_keyword_for_one_flag_are_both_given_in_question_order():
    answers = {"blood_thinners": "yes", "medicines": "apixaban"}
    reasons = rules.flag_reasons([BLOOD_THINNERS, MEDICINES], answers, KEYWORDS)
    assert reasons["anticoagulants"] == [
        rules.Reason("blood_thinners"), rules.Reason("medicines", "apixaban")
    ]  # fmt: skip


def staff_view_of(signed_in, complete_questionnaire, **answers):
    complete_questionnaire(all_no_answers(**answers))
    submission = Submission.objects.get()
    page = signed_in("Clinician").get(submission.get_absolute_url())
    return BeautifulSoup(page.content, "html.parser")


def test_a_flag_from_the_medicines_box_names_the_box_and_the_medicine(
    signed_in, complete_questionnaire
):
    page = staff_view_of(signed_in, complete_questionnaire, medicines="Warfarin 5mg daily")
    flag = page.select_one(".flag-list li")
    assert "Raised by:" in flag.text and "(mentions “warfarin”)" in flag.text
    assert flag.a["href"] == "#answer-medicines"
    assert "answers__raised" in page.select_one("#answer-medicines")["class"]
    assert "answers__raised" not in (page.select_one("#answer-blood_thinners").get("class") or [])


def test_a_weight_loss_goal_highlights_the_goal_answer(signed_in, complete_questionnaire):
    page = staff_view_of(signed_in, complete_questionnaire, goal="weight")
    assert page.select_one(".flag-list li a")["href"] == "#answer-goal"
    assert "answers__raised" in page.select_one("#answer-goal")["class"]


def test_a_yes_and_a_medicine_named_in_its_own_box_are_one_reason_not_two(
    signed_in, complete_questionnaire
):
    page = staff_view_of(
        signed_in, complete_questionnaire, blood_thinners="yes", blood_thinners_details="Apixaban"
    )
    flag = page.select_one(".flag-list li")
    assert [a["href"] for a in flag.select("a")] == ["#answer-blood_thinners"]
    assert "(mentions “apixaban”)" in flag.text


def test_a_flag_raised_by_details_written_after_a_no_says_so(signed_in, complete_questionnaire):
    page = staff_view_of(
        signed_in, complete_questionnaire, skin_problem_at_area_details="a rash there last week"
    )
    flag = page.select_one(".flag-list li")
    assert "(answered “No” but wrote details)" in flag.text


def test_a_flag_raised_by_a_yes_does_not_say_details_were_written_after_a_no(
    signed_in, complete_questionnaire
):
    page = staff_view_of(signed_in, complete_questionnaire, skin_problem_at_area="yes",
                         skin_problem_at_area_details="a rash there")  # fmt: skip
    assert "answered “No”" not in page.select_one(".flag-list li").text


def test_a_flag_is_named_in_words_without_its_internal_code(signed_in, complete_questionnaire):
    page = staff_view_of(signed_in, complete_questionnaire, goal="weight")
    assert "weight_loss_goal" not in page.select_one(".flag-list").text
