"""What patients read never diagnoses, never says 'safe' or 'excluded', never says stop a
medicine, and every flag tells them to talk to a clinician."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from content import starter
from content.models import Topic
from mesoinfo.wording import medicine_keywords, unsafe_phrase
from screening.models import Contraindication, Question
from screening.questionnaire import Questionnaire
from tests.patients import all_no_answers

ROOT = Path(__file__).resolve().parents[2]


def patient_texts():
    for path in (ROOT / "templates").rglob("*.html"):
        yield str(path.relative_to(ROOT)), path.read_text()
    for page in starter.pages():
        yield page.slug, page.body
    for flag in Contraindication.objects.all():
        yield flag.code, f"{flag.name} {flag.explanation} {flag.guidance}"
    for question in Question.objects.all():
        yield question.key, f"{question.text} {question.help_text} {question.follow_up}"


@pytest.mark.django_db
def test_nothing_a_patient_reads_says_safe_excluded_or_stop_a_medicine():
    medicines = medicine_keywords()
    found = [
        (where, unsafe_phrase(text, medicines))
        for where, text in patient_texts()
        if unsafe_phrase(text, medicines)
    ]
    assert found == []


@pytest.mark.django_db
def test_questions_flags_and_topics_quote_words_in_curly_quotes():
    straight_quoted = re.compile(r"(?<!\w)'[^'\n]{1,40}'(?!\w)")
    assert straight_quoted.search("Answer 'not sure' if there is any chance.")
    found = [
        (where, match.group())
        for where, text in patient_texts()
        if not where.startswith("templates/")
        for match in straight_quoted.finditer(text)
    ]
    assert found == []


@pytest.mark.django_db
def test_every_flag_tells_the_patient_to_talk_to_a_clinician():
    for flag in Contraindication.objects.all():
        assert "talk to a clinician" in flag.guidance.lower()


@pytest.mark.django_db
def test_admin_can_reword_a_question_but_not_change_which_flag_it_raises(admin_client):
    question = Question.objects.get(key="pregnant")
    response = admin_client.post(
        f"/admin/screening/question/{question.pk}/change/",
        {
            "section": question.section,
            "position": question.position,
            "text": "Could you be pregnant?",
            "help_text": question.help_text,
            "choices": "",
            "follow_up": "",
            "active": "on",
            "contraindication": "",
            "flag_answers": "",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text == "Could you be pregnant?"
    assert question.contraindication.code == "pregnancy"


@pytest.mark.django_db
def test_submissions_are_read_only_in_the_admin(admin_client, complete_questionnaire):
    from screening.models import Submission

    complete_questionnaire()
    submission = Submission.objects.get()
    url = f"/admin/screening/submission/{submission.pk}/"
    assert admin_client.get(url + "change/").status_code == 200
    admin_client.post(url + "change/", {"full_name": "Changed"})
    assert admin_client.post(url + "delete/", {"post": "yes"}).status_code == 403
    submission.refresh_from_db()
    assert submission.full_name == "Jo Patient"


def change_question(admin_client, question, **changes):
    """Post the admin's change form for a question, with its current wording kept."""
    form = {"section": question.section, "position": question.position, "text": question.text,
            "help_text": "", "choices": "", "follow_up": "", **changes}  # fmt: skip
    return admin_client.post(f"/admin/screening/question/{question.pk}/change/", form)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("pregnant", "must stay active"),  # the only question that raises its flag
        ("diabetes", "must stay active"),  # one of four serious-illness questions
        ("medicines", "checked for medicines that raise flags"),  # scanned for keywords
    ],
)
def test_admin_cannot_switch_off_a_question_the_flags_depend_on(admin_client, key, message):
    question = Question.objects.get(key=key)
    response = change_question(admin_client, question)  # "active" left unticked
    assert response.status_code == 200
    assert message in response.content.decode()
    question.refresh_from_db()
    assert question.active


@pytest.mark.django_db
def test_admin_cannot_rename_an_answer_that_raises_a_flag(admin_client):
    question = Question.objects.get(key="goal")
    response = change_question(
        admin_client, question, choices="skin|Skin\nlose_weight|Lose weight", active="on"
    )
    assert response.status_code == 200
    assert "they raise a flag" in response.content.decode()


@pytest.mark.django_db
def test_admin_cannot_give_a_question_a_follow_up_whose_box_clashes_with_another(admin_client):
    question = Question.objects.get(key="allergy")  # "allergy_details" is its own question
    response = change_question(admin_client, question, follow_up="What happened?", active="on")
    assert response.status_code == 200
    assert "would clash with the question" in response.content.decode()
    question.refresh_from_db()
    assert question.follow_up == ""


@pytest.mark.django_db
def test_the_starter_questionnaire_passes_every_check_the_admin_makes():
    for question in Question.objects.all():
        question.full_clean()
    for flag in Contraindication.objects.all():
        flag.full_clean()


@pytest.mark.django_db
def test_admin_cannot_switch_off_two_questions_for_one_flag_in_one_list_save(admin_client):
    immune = Question.objects.filter(key__in=["autoimmune", "immune_medicines"])
    questions = list(immune)
    form = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2", "_save": "Save"}
    for n, question in enumerate(questions):
        form |= {f"form-{n}-id": question.pk, f"form-{n}-position": question.position}
    response = admin_client.post("/admin/screening/question/", form)
    assert "must stay active" in response.content.decode()
    assert immune.filter(active=True).count() == 2


@pytest.mark.django_db
def test_choices_typed_without_values_are_refused_and_kept_for_correcting(admin_client):
    question = Question.objects.get(key="area")
    typed = "Face or neck\nScalp (hair)"
    response = change_question(admin_client, question, choices=typed, active="on")
    page = response.content.decode()
    assert "Write each answer on its own line as value|label" in page
    assert "Face or neck\nScalp (hair)</textarea>" in page
    question.refresh_from_db()
    assert "face|" in question.choices


@pytest.mark.django_db
@pytest.mark.parametrize(
    "choices, message",
    [("face|Face", "at least two answers"), ("face|Face\nface|Neck", "used more than once")],
)
def test_choice_questions_need_two_distinct_answers(admin_client, choices, message):
    question = Question.objects.get(key="area")
    response = change_question(admin_client, question, choices=choices, active="on")
    assert message in response.content.decode()


@pytest.mark.django_db
def test_free_text_questions_take_no_follow_up(admin_client):
    question = Question.objects.get(key="medicines")
    response = change_question(admin_client, question, follow_up="Tell us more", active="on")
    assert "Only yes / no and choose-one questions have a follow-up box" in response.text


@pytest.mark.django_db
def test_a_choose_one_follow_up_needs_an_answer_whose_value_is_other(admin_client):
    question = Question.objects.get(key="area")
    without_other = "\n".join(
        line for line in question.choices.splitlines() if not line.startswith("other|")
    )
    response = change_question(
        admin_client, question, choices=without_other, follow_up="Which area?", active="on"
    )
    assert "is for the answer whose value is \u201cother\u201d" in response.text
    response = change_question(
        admin_client, question, choices=question.choices, follow_up="Where exactly?", active="on"
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_keywords_separated_by_commas_each_raise_the_flag(questionnaire):
    flag = Contraindication.objects.get(code="anticoagulants")
    flag.keywords += "\nvorapaxar, zontivity; anagrelide"
    flag.full_clean()
    flag.save()
    current = Questionnaire.current()
    for medicine in ["Vorapaxar 2.5mg", "Zontivity", "anagrelide"]:
        raised = current.flags({"blood_thinners": "no", "medicines": medicine})
        assert "anticoagulants" in [c.code for c in raised], medicine


def save_in_admin(client, flag, **changes):
    """Send the flag's admin form, as an admin would, with these fields changed."""
    fields = ("name", "explanation", "guidance", "keywords")
    form = {name: changes.get(name, getattr(flag, name)) for name in fields}
    return client.post(f"/admin/screening/contraindication/{flag.pk}/change/", form)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "keyword"), [("anticoagulants", "xa"), ("weight_loss_goal", "# g")]
)
def test_a_keyword_too_short_to_mean_anything_is_refused(admin_client, code, keyword):
    flag = Contraindication.objects.get(code=code)
    response = save_in_admin(admin_client, flag, keywords=f"{flag.keywords}\n{keyword}")
    assert f"“{keyword}” is too short to be a keyword" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("keyword", ["the", "Daily", "tablets", "vitamin"])
def test_an_everyday_word_alone_is_refused_as_a_keyword(admin_client, keyword):
    flag = Contraindication.objects.get(code="anticoagulants")
    response = save_in_admin(admin_client, flag, keywords=f"{flag.keywords}\n{keyword}")
    assert f"“{keyword.lower()}” is an everyday word" in response.content.decode()
    flag.refresh_from_db()
    assert keyword.lower() not in flag.keyword_list()


@pytest.mark.django_db
def test_a_keyword_longer_than_anyone_would_write_is_refused(admin_client):
    flag = Contraindication.objects.get(code="anticoagulants")
    response = save_in_admin(admin_client, flag, keywords=f"{flag.keywords}\n{'a' * 100_000}")
    assert "is too long to be a keyword" in response.content.decode()


@pytest.mark.django_db
def test_a_keyword_of_punctuation_alone_does_not_flag_every_patient(questionnaire):
    flag = Contraindication.objects.get(code="anticoagulants")
    flag.keywords = "-\n.\n/\nwarfarin"
    flag.save()
    assert flag.keyword_list() == ["warfarin"]
    answers = all_no_answers(medicines="Vitamin D. Eye drops / saline.")
    assert Questionnaire.current().flags(answers) == []


@pytest.mark.parametrize("separator", ["\n", "\r\n", "\r", "\x0b", "\u2028", ", ", ";"])
def test_keywords_split_at_every_line_break_a_paste_can_bring(separator):
    flag = Contraindication(code="x", keywords=f"warfarin{separator}heparin")
    assert flag.keyword_list() == ["warfarin", "heparin"]


@pytest.mark.django_db
@pytest.mark.parametrize("keywords", ["b12\n5-fu", "the pill for clots"])
def test_short_keywords_with_a_digit_and_everyday_words_in_a_phrase_are_allowed(keywords):
    flag = Contraindication.objects.get(code="anticoagulants")
    flag.keywords += f"\n{keywords}"
    flag.full_clean()


@pytest.mark.django_db
def test_a_flags_keywords_cannot_all_be_removed(admin_client):
    flag = Contraindication.objects.get(code="anticoagulants")
    response = save_in_admin(admin_client, flag, keywords="")
    assert "Keep at least one keyword" in response.content.decode()
    flag.refresh_from_db()
    assert "warfarin" in flag.keyword_list()


@pytest.mark.django_db
def test_the_question_list_reports_a_row_saved_before_a_check_instead_of_failing(admin_client):
    Question.objects.filter(key="medicines").update(follow_up="Which?")  # allowed before
    medicines = Question.objects.get(key="medicines")
    form = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "_save": "Save",
            "form-0-id": medicines.pk, "form-0-position": "7", "form-0-active": "on"}  # fmt: skip
    response = admin_client.post("/admin/screening/question/", form)
    assert response.status_code == 200
    assert "Only yes / no and choose-one questions have a follow-up box" in response.text


@pytest.mark.django_db
def test_an_upgrade_switches_flag_questions_switched_off_earlier_back_on():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("screening.migrations.0017_flag_questions_stay_active")
    Question.objects.filter(key="area").update(scan_for_keywords=False)  # as before 0036
    Question.objects.filter(key__in=["diabetes", "medicines", "area"]).update(active=False)
    migration.switch_back_on(apps, None)
    active = dict(Question.objects.values_list("key", "active"))
    assert (active["diabetes"], active["medicines"], active["area"]) == (True, True, False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "explanation",
    ["You are safe to have treatment.", "Stop your warfarin a week before.",
     "If so, you are\nexcluded.", "You can\u2019t have it."],
)  # fmt: skip
def test_admin_cannot_save_a_flag_explanation_that_says_safe_excluded_or_stop(
    admin_client, explanation
):
    flag = Contraindication.objects.get(code="anticoagulants")
    response = save_in_admin(admin_client, flag, explanation=explanation)
    assert "The site never tells anyone they are safe or excluded" in response.content.decode()
    flag.refresh_from_db()
    assert flag.explanation != explanation


@pytest.mark.django_db
def test_admin_cannot_reword_a_question_hint_to_tell_patients_to_stop_a_medicine(admin_client):
    question = Question.objects.get(key="blood_thinners")
    response = change_question(
        admin_client, question, help_text="Stop taking aspirin before you come.", active="on"
    )
    assert "it says “Stop taking”" in response.content.decode()


@pytest.mark.django_db
def test_admin_cannot_publish_a_topic_that_tells_patients_they_are_safe(admin_client):
    topic = Topic.objects.create(
        title="Aftercare", slug="aftercare-x", summary="After", body="Fine.",
        last_reviewed="2026-01-01", next_review_due="2027-01-01", reviewer_name="A",
        reviewer_role="B",
    )  # fmt: skip
    topic.body = "Most people are fine. You are safe to go home straight away."
    with pytest.raises(ValidationError) as refused:
        topic.full_clean()
    assert "body" in refused.value.message_dict


@pytest.mark.parametrize(
    ("allowed", "refused"),
    [("Do not stop taking any prescribed medicine.", "Stop taking any prescribed medicine."),
     ("Never stop your warfarin on your own.", "Stop your warfarin on your own."),
     ("Don\u2019t suddenly stop using your inhaler.", "Please stop using your inhaler."),
     ("Stop using retinol creams two days before.", "You should stop aspirin."),
     ("Talk to the person who prescribed them.", "Come off your blood thinners first."),
     ("Have you been diagnosed with a heart condition?", "We diagnosed a heart condition."),
     ("Do you have a bleeding disorder?", "You have a bleeding disorder."),
     ("Nobody can promise it is risk-free.", "You\u2019re safe to go ahead."),
     ("A clinician will talk it through.", "You are not suitable for treatment."),
     ("It should not be done during pregnancy.", "You are ineligible.")],
)  # fmt: skip
def test_advice_and_questions_are_allowed_but_orders_and_verdicts_are_not(allowed, refused):
    assert unsafe_phrase(allowed) is None
    assert unsafe_phrase(refused)


@pytest.mark.parametrize(
    ("allowed", "refused"),
    [("It is not known whether it is safe during pregnancy.",
      "Mesotherapy is safe during pregnancy."),
     ("It should not be done while you are breastfeeding.",
      "It is safe to have this treatment while breastfeeding."),
     ("Nobody can promise a treatment will be free of risk.", "You will be safe."),
     ("Ask the clinic whether it would be safe while nursing.", "You\u2019ll be perfectly safe."),
     ("Mesotherapy is not safe during pregnancy.",
      "Mesotherapy is safe while you\u2019re pregnant."),
     ("Is mesotherapy safe during pregnancy?",
      "It\u2019s perfectly safe when you\u2019re expecting."),
     ("Mesotherapy is safe for most people but not during pregnancy.",
      "Don\u2019t worry: mesotherapy is safe during pregnancy."),
     ("Store it somewhere safe when you are pregnant.",
      "No need to wait: mesotherapy is safe while breastfeeding.")],
)  # fmt: skip
def test_a_promise_of_safety_is_refused_but_doubt_is_allowed(allowed, refused):
    assert unsafe_phrase(allowed) is None
    assert unsafe_phrase(refused)


@pytest.mark.parametrize(
    "refused",
    ["Stopping your blood thinners a week before is advised.",
     "Please discontinue warfarin 5 days before.",
     "Pause your aspirin for a week.",
     "You should quit your anticoagulant first.",
     "Don\u2019t take your blood thinners on the day.",
     "Skip your morning dose of warfarin.",
     "Hold off on ibuprofen and aspirin for three days.",
     "S\u200btop taking your tablets.",
     "Stop tak\u00ading your tablets.",
     "**Stop** taking your tablets.",
     "Please [stop your](#why) warfarin.",
     "Skip _your_ warfarin.",
     "Avoid aspirin and ibuprofen for a week before treatment.",
     "Withhold your warfarin on the day.",
     "Omit your morning dose.",
     "Skip a dose the day before.",
     "We recommend that you stop warfarin 5 days before.",
     "Make sure that you don\u2019t take your blood thinners on the day.",
     "Hold your apixaban for 48 hours.",
     "You should no longer take your blood thinner.",
     "Give up your aspirin for a week.",
     "Cut out aspirin for a week.",
     "Drop your aspirin before treatment.",
     "Refrain from taking aspirin.",
     "Don\u2019t use your blood thinner that day.",
     "Patients should stop their warfarin.",
     "We recommend stopping anticoagulants.",
     "We advise patients to pause their tablets.",
     "We recommend you stop warfarin before treatment.",
     "We suggest you pause your apixaban for two days.",
     "We\u2019d advise you skip your aspirin that morning."],
)  # fmt: skip
def test_other_ways_of_telling_patients_to_stop_a_medicine_are_refused(refused):
    assert unsafe_phrase(refused)


@pytest.mark.parametrize(
    "allowed",
    ["Skip your make-up for 24 hours.",
     "Pause hot baths and saunas for a few days.",
     "Stopping some of these can be dangerous.",
     "Never skip a dose of a prescribed medicine without asking your doctor.",
     "You should not pause your warfarin unless your prescriber says so.",
     "Stop using retinol creams two days before.",
     "If you do not take any medicines, leave this box empty.",
     "Answer no if you do not take any blood thinners.",
     "Have you stopped taking a blood thinner in the last week?",
     "Have you skipped any doses of your medicine recently?",
     "Never stop or skip your medicines without asking your doctor.",
     "Do not stop or pause your warfarin.",
     "There is a short pause between doses.",
     "If you miss a dose, ask the person who prescribed it what to do.",
     "Before you stop any medicine, talk to the person who prescribed it.",
     "We do not recommend stopping your blood thinners.",
     "Patients should not stop their warfarin.",
     "Missing a dose of some medicines can be dangerous.",
     "Drops of blood at the injection points are common.",
     "The clinic will hold your details securely.",
     "We do not recommend that you stop your blood thinners.",
     "You can leave out any medicines you only take now and then."],
)  # fmt: skip
def test_advice_that_uses_the_same_verbs_is_still_allowed(allowed):
    assert unsafe_phrase(allowed) is None


@pytest.mark.django_db
def test_each_change_to_a_flags_keywords_is_kept_with_who_made_it(admin_client, admin_user):
    flag = Contraindication.objects.get(code="anticoagulants")
    response = save_in_admin(
        admin_client, flag, keywords=flag.keywords.replace("warfarin", "marevan")
    )
    assert response.status_code == 302
    newest, before = flag.history.all()[:2]
    assert newest.history_user == admin_user and "marevan" in newest.keywords
    assert "warfarin" in before.keywords and before.history_change_reason
    page = admin_client.get(f"/admin/screening/contraindication/{flag.pk}/history/")
    assert page.status_code == 200 and admin_user.username in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Contraindication, Question])
def test_each_flag_and_question_as_migrated_is_its_newest_version_in_history(model):
    # Otherwise the next edit in the admin would look as if it made the migrations'
    # changes too (new keywords, a box now checked for them).
    fields = [f.attname for f in model._meta.concrete_fields]
    for row in model.objects.all():
        newest = row.history.first()
        assert {f: getattr(newest, f) for f in fields} == {f: getattr(row, f) for f in fields}


@pytest.mark.django_db
def test_a_question_reworded_in_the_admin_keeps_its_earlier_wording(admin_client):
    question = Question.objects.get(key="pregnant")
    old_text = question.text
    question.text = "Could you be pregnant?"
    question.save()
    assert [v.text for v in question.history.all()[:2]] == ["Could you be pregnant?", old_text]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "refused",
    ["Stop Eliquis a week before.", "Pause your Xarelto.", "Discontinue Xarelto.",
     "Don't take Nurofen on the day.", "Skip your methotrexate that week."],
)  # fmt: skip
def test_the_flags_medicine_keywords_count_as_medicines_when_an_admin_saves(refused):
    assert "body" in topic_problems(refused)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    ["<strong>Stop</strong> taking your warfarin.", "Stop&nbsp;taking your tablets.",
     "S&#8203;top taking your tablets.", "St<!-- -->op taking your tablets."],
)  # fmt: skip
def test_html_in_a_topic_cannot_hide_an_order_to_stop_a_medicine(body):
    assert "body" in topic_problems(body)


def topic_problems(body):
    """The fields the admin would refuse in a new topic with this body."""
    topic = Topic(title="Before", slug="before", summary="Before", body=body,
                  last_reviewed="2026-01-01", next_review_due="2027-01-01",
                  reviewer_name="A", reviewer_role="B")  # fmt: skip
    with pytest.raises(ValidationError) as error:
        topic.full_clean()
    return error.value.message_dict


@pytest.mark.django_db
def test_a_keyword_with_a_number_mark_raises_the_flag_once_saved_in_the_admin(admin_client):
    flag = Contraindication.objects.get(code="weight_loss_goal")
    response = save_in_admin(admin_client, flag, keywords=flag.keywords + "\n# belt notches")
    assert response.status_code == 302
    answers = all_no_answers(goal="other", goal_details="two belt notches")
    assert [c.code for c in Questionnaire.current().flags(answers)] == ["weight_loss_goal"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("keyword", "allowed"), [("＃ kg", True), ("## kg", True), ("＃ g", False), ("## g", False)]
)
def test_a_number_mark_typed_full_width_or_twice_is_read_as_one(keyword, allowed):
    flag = Contraindication.objects.get(code="weight_loss_goal")
    flag.keywords += f"\n{keyword}"
    if allowed:
        flag.full_clean()
    else:
        with pytest.raises(ValidationError, match="too short to be a keyword"):
            flag.full_clean()


@pytest.mark.django_db
def test_a_number_keyword_for_a_flag_whose_questions_are_not_checked_is_refused(admin_client):
    flag = Contraindication.objects.get(code="pregnancy")
    response = save_in_admin(admin_client, flag, keywords=f"{flag.keywords}\n# weeks pregnant")
    assert "“# weeks pregnant” would never raise this flag" in response.content.decode()
    flag.refresh_from_db()
    assert "# weeks pregnant" not in flag.keyword_list()
