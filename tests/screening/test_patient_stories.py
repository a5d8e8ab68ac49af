"""Every patient story raises exactly the flags it must: never one missed, none invented."""

import pytest

from screening.models import Question, Submission
from screening.rules import NOT_SURE, YES
from tests.patients import all_no_answers
from tests.stories import ALL_FLAGS, STORIES, YES_NO_KEYS


def story_answers(story):
    answers = all_no_answers(**story.answers)
    answers.update(
        goal=story.goal,
        goal_details=story.goal_details,
        medicines=story.medicines,
        allergy_details=story.allergy_details,
        blood_thinners_details=story.blood_thinners_details,
    )
    if answers["blood_thinners"] != "no" and not story.blood_thinners_details:
        answers["blood_thinners_details"] = "I don't know the name"
    if answers["goal"] == "other" and not story.goal_details:
        answers["goal_details"] = "Help my skin look less tired"
    if answers["skin_problem_at_area"] != "no":
        answers["skin_problem_at_area_details"] = story.skin_details or "A rash on my cheek"
    return answers


def raised(questionnaire, answers):
    return {flag.code for flag in questionnaire.flags(answers)}


@pytest.mark.parametrize("story", STORIES, ids=[s.title[:60] for s in STORIES])
def test_patient_story_raises_exactly_its_flags(questionnaire, story):
    assert raised(questionnaire, story_answers(story)) == story.expected


@pytest.mark.parametrize("story", STORIES, ids=[s.title[:60] for s in STORIES])
def test_patient_story_sent_through_the_web_pages_stores_exactly_its_flags(
    complete_questionnaire, story
):
    response = complete_questionnaire(story_answers(story))
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert {flag["code"] for flag in submission.flags} == story.expected
    assert submission.flagged == bool(story.expected)


def test_there_are_at_least_25_stories_covering_every_flag():
    assert len(STORIES) >= 25
    assert set().union(*(s.expected for s in STORIES)) == ALL_FLAGS


def test_an_all_no_questionnaire_raises_no_flag(questionnaire):
    assert raised(questionnaire, all_no_answers()) == set()


@pytest.mark.parametrize("answer", [YES, NOT_SURE])
@pytest.mark.parametrize("key", YES_NO_KEYS)
def test_yes_or_not_sure_to_a_health_question_raises_its_flag(questionnaire, key, answer):
    question = Question.objects.get(key=key)
    answers = all_no_answers(**{key: answer})
    assert raised(questionnaire, answers) == {question.contraindication.code}


def test_every_contraindication_is_raised_by_at_least_one_question(questionnaire):
    codes = {q.contraindication.code for q in questionnaire.questions if q.contraindication}
    assert codes == ALL_FLAGS


def test_a_missing_answer_raises_the_flag_rather_than_hiding_it(questionnaire):
    answers = all_no_answers()
    del answers["pregnant"]
    assert raised(questionnaire, answers) == {"pregnancy"}


@pytest.mark.parametrize(
    "details",
    ["No known allergies", "NKDA", "none.", "I have no allergies", "Nothing known"],
)
def test_allergy_box_saying_there_are_none_raises_no_flag(questionnaire, details):
    assert raised(questionnaire, all_no_answers(allergy_details=details)) == set()


@pytest.mark.parametrize(
    "details",
    [
        "No known allergies except penicillin",
        "none, but plasters give me a rash",
        "not that I know of",  # a hedge is nearer "not sure" than "no"
    ],
)
def test_allergy_box_with_an_exception_still_raises_the_allergy_flag(questionnaire, details):
    assert raised(questionnaire, all_no_answers(allergy_details=details)) == {"allergy"}


@pytest.mark.parametrize(
    ("key", "details", "flag"),
    [
        ("blood_thinners", "warfarin 5mg", "anticoagulants"),
        ("blood_thinners", "a tablet for my heart rhythm", "anticoagulants"),
        ("skin_problem_at_area", "cold sore on my lip", "skin_infection"),
    ],
)
def test_no_with_details_written_in_the_box_for_a_yes_raises_the_flag(
    questionnaire, key, details, flag
):
    answers = all_no_answers(**{f"{key}_details": details})
    assert raised(questionnaire, answers) == {flag}


@pytest.mark.parametrize("details", ["", "none", "N/A", "no"])
def test_no_with_an_empty_follow_up_box_raises_nothing(questionnaire, details):
    answers = all_no_answers(blood_thinners_details=details, skin_problem_at_area_details=details)
    assert raised(questionnaire, answers) == set()


def test_weight_loss_as_the_goal_is_flagged(questionnaire):
    assert raised(questionnaire, all_no_answers(goal="weight")) == {"weight_loss_goal"}


@pytest.mark.parametrize(
    "medicines",
    ["Eliquis 5mg twice a day", "WARFARIN", "fish  oil", "Omega-3 capsules", "aspirin, 75mg"],
)
def test_blood_thinner_written_in_medicines_is_flagged_even_after_answering_no(
    questionnaire, medicines
):
    assert raised(questionnaire, all_no_answers(medicines=medicines)) == {"anticoagulants"}


def test_part_of_a_longer_word_does_not_count_as_a_medicine_name(questionnaire):
    assert raised(questionnaire, all_no_answers(medicines="heparinoid cream")) == set()


@pytest.mark.parametrize(
    "medicines",
    ["Aspirin-75mg", "warfarin5mg", "fish oils", "Omega 3", "omega3", "OMEGA-3 capsules",
     "vitamin E400", "apixaban(Eliquis)"],
)  # fmt: skip
def test_blood_thinner_written_with_odd_spacing_or_numbers_is_still_flagged(
    questionnaire, medicines
):
    assert raised(questionnaire, all_no_answers(medicines=medicines)) == {"anticoagulants"}


@pytest.mark.parametrize(
    "medicines",
    ["Marevan 3mg", "Jantoven", "Brilinta 90mg", "Lovenox injections", "asprin 75", "Disprin",
     "my blood thinners", "a blood-thinner, can't remember the name", "an anticoagulant",
     "antiplatelet tablets", "Xeralto", "warfrin", "Aspirina", "cod liver oil", "vit E",
     "ASA 81mg", "Aleve when needed", "Voltarol gel", "diclofenac", "bloodthinner"],
)  # fmt: skip
def test_blood_thinner_named_abroad_misspelt_or_in_plain_words_is_flagged(
    questionnaire, medicines
):
    assert raised(questionnaire, all_no_answers(medicines=medicines)) == {"anticoagulants"}


@pytest.mark.parametrize(
    "medicines",
    ["war\u200bfarin", "war\u00adfarin", "Wárfarin", "Ｗａｒｆａｒｉｎ",
     "Aspırın", "fish\u2011oil", "omega\u20143", "héparine", "WARFARIN\u00a05mg",
     "Warfarin\u2122", "Xarelto\u2120 20mg", "Eliquis\u00ae", "Vit. E 400"],
)  # fmt: skip
def test_blood_thinner_name_with_pasted_or_foreign_characters_is_still_flagged(
    questionnaire, medicines
):
    assert raised(questionnaire, all_no_answers(medicines=medicines)) == {"anticoagulants"}


@pytest.mark.parametrize(
    ("medicines", "flag"),
    [("methylprednisolone", "immune_compromise"), ("prograf", "immune_compromise"),
     ("steroid tablets", "immune_compromise"), ("Enbrel", "immune_compromise"),
     ("Lantus at night", "serious_illness"), ("Ozempic weekly", "serious_illness"),
     ("GTN spray", "serious_illness"), ("EpiPen", "allergy"), ("Pregnacare", "pregnancy"),
     ("nothing since I stopped breastfeeding", "breastfeeding"),
     ("statin since my TIA", "cardiovascular_event"), ("none, I have lupus", "immune_compromise"),
     ("Entresto", "serious_illness"), ("diabetic, on diet only", "serious_illness"),
     ("cetirizine for allergies", "allergy"), ("Wegovy", "weight_loss_goal"),
     ("corticosteroids", "immune_compromise"), ("haemophilia A", "bleeding_disorder"),
     ("none, I\u2019m expecting", "pregnancy"), ("aciclovir for cold sores", "skin_infection"),
     ("pills to lose weight", "weight_loss_goal")],
)  # fmt: skip
def test_a_medicine_or_condition_named_in_the_medicines_box_raises_its_own_flag(
    questionnaire, medicines, flag
):
    assert raised(questionnaire, all_no_answers(medicines=medicines)) == {flag}


def test_a_symbol_alone_in_a_box_for_a_yes_still_raises_the_flag(questionnaire):
    assert raised(questionnaire, all_no_answers(allergy_details="\u2714")) == {"allergy"}


def test_none_typed_with_a_hidden_character_still_means_no_allergies(questionnaire):
    answers = all_no_answers(allergy_details="None\u200b")
    assert raised(questionnaire, answers) == set()


def test_a_steroid_two_letters_from_another_is_named_as_itself(questionnaire):
    reasons = questionnaire.raised(all_no_answers(medicines="betamethasone cream"))
    assert [(flag.code, [r.keyword for r in why]) for flag, why in reasons] == [
        ("immune_compromise", ["betamethasone"])
    ]


def test_chemotherapy_raises_both_the_immune_system_and_the_serious_illness_flags(
    questionnaire,
):
    answers = all_no_answers(medicines="chemo tablets")
    assert raised(questionnaire, answers) == {"immune_compromise", "serious_illness"}
