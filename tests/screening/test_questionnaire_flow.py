import re
import time
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError
from django.test import Client

from screening import consent, limits
from screening.models import Contraindication, Question, Submission
from screening.session import STEPS
from tests.patients import CONTACT, all_no_answers, consult_date_fields

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def post_contact(client, **changes):
    return client.post("/screening/about-you/", {**CONTACT, **consult_date_fields(), **changes})


def test_start_page_says_how_long_it_takes_who_sees_answers_and_how_long_they_are_kept(client):
    text = soup(client.get("/screening/")).get_text(" ", strip=True)
    assert "about 5 minutes" in text
    assert "Only clinic staff who need your answers" in text
    assert "We delete them 90 days after you send them or after your consultation" in text


def test_each_step_shows_progress_and_a_back_link(client):
    page = soup(client.get("/screening/medicines/"))
    assert "Step 3 of 6" in page.select_one(".progress").text
    assert page.select_one("a.back-link")["href"] == "/screening/treatment/"


def test_validation_error_has_a_linked_summary_and_keeps_what_was_typed(client):
    response = post_contact(client, email="not-an-email", date_of_birth_2="")
    page = soup(response)
    assert response.status_code == 200
    assert page.title.text.startswith("Error:")
    summary_links = {a["href"]: a.text for a in page.select(".govuk-error-summary a")}
    assert "Enter an email address like name@example.com" in summary_links.values()
    assert "Date of birth must include a year" in summary_links.values()
    for href in summary_links:
        assert page.select_one(href) is not None
    assert page.select_one("#id_full_name")["value"] == "Jo Patient"
    assert page.select_one("#id_email")["value"] == "not-an-email"
    assert page.select_one("#id_date_of_birth_0")["value"] == "27"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date_of_birth_2": str(date.today().year + 1)}, "Date of birth must be in the past"),
        ({"date_of_birth_0": "31", "date_of_birth_1": "2"}, "Date of birth must be a real date"),
        ({"date_of_birth_2": "85"}, "Year must include 4 numbers"),
        (consult_date_fields(-3), "Consultation date must be today or in the future"),
        ({"email": "", "phone": ""}, "Enter an email address or a phone number"),
        ({"phone": "call me maybe"}, "Enter a phone number, like 07700 900 982"),
        ({"full_name": "   "}, "Enter your full name"),
    ],
)
def test_impossible_contact_details_are_refused_with_a_plain_reason(client, changes, message):
    response = post_contact(client, **changes)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_date_of_birth_of_today_is_refused(client):
    from django.utils import timezone

    today = timezone.localdate()
    fields = dict(zip(["date_of_birth_0", "date_of_birth_1", "date_of_birth_2"],
                      [today.day, today.month, today.year], strict=True))  # fmt: skip
    assert "Date of birth must be in the past" in post_contact(client, **fields).text


@pytest.mark.parametrize("phone", ["0207.946.0000", "020 7946 0000", "+44 (0)20-7946-0000"])
def test_a_phone_number_written_with_dots_dashes_or_brackets_is_accepted(client, phone):
    response = post_contact(client, phone=phone)
    assert response.status_code == 302, response.content.decode()[:500]


def test_a_phone_number_longer_than_any_real_one_is_refused(client):
    page = post_contact(client, phone="0" * 20).content.decode()
    assert "Enter a phone number, like 07700 900 982" in page


def test_a_mistyped_phone_without_email_gets_one_error_not_two(client):
    page = post_contact(client, email="", phone="call me maybe").content.decode()
    assert "Enter a phone number, like 07700 900 982" in page
    assert "Enter an email address or a phone number" not in page


def test_the_check_page_without_any_answers_does_not_claim_they_were_cleared(client):
    response = client.get("/screening/check-your-answers/", follow=True)
    assert "We could not find any answers from you on this device" in response.text


def test_unanswered_health_question_asks_for_yes_no_or_not_sure(client):
    response = client.post("/screening/medicines/", {"breastfeeding": "no"})
    assert "Select yes, no or not sure" in response.content.decode()
    assert soup(response).select_one("#id_breastfeeding_2").has_attr("checked")


def test_yes_to_blood_thinners_asks_which_ones(client):
    answers = {**all_no_answers(blood_thinners="yes")}
    response = client.post("/screening/medicines/", answers)
    assert "Answer \u201cWhich ones?\u201d, or write" in response.text


def test_the_skin_follow_up_error_names_its_own_question(client):
    from screening.questionnaire import Questionnaire

    section = Questionnaire.current().in_section("skin-and-immunity")
    skin = next(q for q in section if q.follow_up)
    response = client.post("/screening/skin-and-immunity/", {skin.key: "yes"})
    assert f"\u201c{skin.follow_up.split('?')[0]}?\u201d" in response.text


@pytest.mark.parametrize("allergy", ["allergy", "severe_allergy"])
def test_a_yes_to_an_allergy_question_asks_what_the_allergy_was(client, allergy):
    client.get("/screening/about-you/")
    post_contact(client)
    answers = all_no_answers(**{allergy: "not_sure"}, allergy_details="  ")
    response = client.post("/screening/skin-and-immunity/", answers)
    assert response.status_code == 200
    page = soup(response)
    summary = page.select_one(".govuk-error-summary a[href='#id_allergy_details']")
    assert summary.text.strip() == (
        "Answer \u201cWhat are you allergic to, and what happened?\u201d, "
        "or write \u201cI don't know\u201d"
    )
    assert page.select_one(f"input[name={allergy}][value=not_sure]").has_attr("checked")
    answers["allergy_details"] = "I don't know"
    assert client.post("/screening/skin-and-immunity/", answers).status_code == 302


def test_text_boxes_are_four_rows_tall_not_ten(client):
    client.get("/screening/about-you/")
    post_contact(client)
    for step in STEPS[1:]:
        page = soup(client.get(f"/screening/{step}/"))
        assert {t["rows"] for t in page.select("textarea")} <= {"4"}


def test_a_made_up_answer_to_a_yes_no_question_gets_a_plain_message(client):
    client.get("/screening/about-you/")
    post_contact(client)
    response = client.post("/screening/medicines/", all_no_answers(pregnant="maybe"))
    text = soup(response).get_text(" ", strip=True)
    assert "Select yes, no or not sure for: Are you pregnant" in text
    assert "not one of the available choices" not in text


def test_a_name_too_long_gets_a_plain_message(client):
    response = post_contact(client, full_name="A" * 151)
    text = soup(response).get_text(" ", strip=True)
    assert "Full name must be 150 characters or fewer" in text and "Ensure this" not in text


def test_text_boxes_have_no_maxlength_that_would_cut_a_paste_without_a_word(client):
    for step in STEPS[1:]:
        page = soup(client.get(f"/screening/{step}/"))
        assert [t["name"] for t in page.select("textarea[maxlength]")] == []


def test_a_long_pasted_medicines_list_is_kept_whole_and_its_last_line_still_flags(
    client, complete_questionnaire
):
    medicines = "\n".join(f"Vitamin supplement number {n}, one a day" for n in range(120))
    assert len(medicines) > 4000
    complete_questionnaire(all_no_answers(medicines=medicines + "\nwarfarin 5mg"))
    submission = Submission.objects.get()
    assert [f["code"] for f in submission.flags] == ["anticoagulants"]
    kept = next(a for a in submission.answers if a["key"] == "medicines")["answer"]
    assert kept.endswith("warfarin 5mg")


def test_an_answer_over_the_limit_gets_one_error_naming_its_box_and_is_kept(client):
    too_long = "aspirin " * 699 + "aspirin"
    answers = all_no_answers(blood_thinners="yes", blood_thinners_details=too_long)
    response = client.post("/screening/medicines/", answers)
    page = soup(response)
    errors = [li.text for li in page.select(".govuk-error-summary li")]
    assert errors == [
        f"Shorten your answer to \u201cWhich ones?\u201d to 5,000 characters or fewer "
        f"(it has {len(too_long):,})"
    ]
    assert page.select_one("#id_blood_thinners_details").text.strip() == too_long.strip()


def test_new_lines_count_once_towards_the_limit_as_the_patient_sees_them(client):
    client.get("/screening/about-you/")
    post_contact(client)
    lines = "\r\n".join(["x" * 99] * 50)  # 4,999 characters on screen; browsers send 5,048
    answers = all_no_answers(medicines=lines)
    assert client.post("/screening/medicines/", answers).status_code == 302


def test_a_percent_sign_in_admin_wording_does_not_break_the_length_error(client):
    question = Question.objects.get(key="blood_thinners")
    question.follow_up = "Which ones (for example, taken 50% of days)?"
    question.save()
    answers = all_no_answers(blood_thinners="yes", blood_thinners_details="x" * 5001)
    response = client.post("/screening/medicines/", answers)
    assert response.status_code == 200
    assert "taken 50% of days)?\u201d to 5,000 characters or fewer (it has 5,001)" in (
        response.text
    )


def test_an_admins_hint_is_shown_as_typed_not_as_html_with_its_line_breaks(client):
    question = Question.objects.get(key="medicines")
    question.help_text = "Include creams <such as hydrocortisone>.\nAnd <b>eye drops</b>."
    question.save()
    page = client.get("/screening/medicines/").text
    assert "Include creams &lt;such as hydrocortisone&gt;.<br>And &lt;b&gt;eye drops" in page


@pytest.mark.parametrize(
    ("key", "details"),
    [("skin_problem_at_area", "cold sore on my lip"), ("blood_thinners", "warfarin 5mg")],
)
def test_no_with_details_written_is_accepted_and_keeps_the_text(client, key, details):
    client.get("/screening/about-you/")
    post_contact(client)
    step = "skin-and-immunity" if key.startswith("skin") else "medicines"
    answers = all_no_answers(**{f"{key}_details": details})
    assert client.post(f"/screening/{step}/", answers).status_code == 302
    page = soup(client.get(f"/screening/{step}/"))
    assert page.select_one(f"#id_{key}_details").text.strip() == details


@pytest.mark.parametrize("details", ["", "  ", "None", "n/a"])
def test_no_with_an_empty_or_nothing_follow_up_is_accepted(client, details):
    client.get("/screening/about-you/")
    post_contact(client)
    answers = all_no_answers(skin_problem_at_area_details=details)
    response = client.post("/screening/skin-and-immunity/", answers)
    assert response.status_code == 302


def test_date_boxes_bring_up_a_number_pad_and_offer_birthday_autofill(client):
    page = soup(client.get("/screening/about-you/"))
    birthday = [page.select_one(f"#id_date_of_birth_{n}") for n in range(3)]
    consult = [page.select_one(f"#id_consult_date_{n}") for n in range(3)]
    assert {box["inputmode"] for box in birthday + consult} == {"numeric"}
    assert [box["autocomplete"] for box in birthday] == ["bday-day", "bday-month", "bday-year"]
    assert {box["autocomplete"] for box in consult} == {"off"}


def test_consultation_date_example_is_a_date_in_the_future(client):
    hint = soup(client.get("/screening/about-you/")).select_one("#id_consult_date_hint").text
    day, month, year = re.search(r"For example, (\d+) (\d+) (\d{4})", hint).groups()
    assert date(int(year), int(month), int(day)) > date.today()


def test_consent_is_required_and_unticked_by_default(client):
    client.get("/screening/about-you/")
    post_contact(client)
    for step in STEPS[1:]:
        client.post(f"/screening/{step}/", all_no_answers())
    page = soup(client.get("/screening/check-your-answers/"))
    assert not page.select_one("#id_consent").has_attr("checked")
    assert "govuk-checkboxes__input" in page.select_one("#id_consent")["class"]  # large box
    assert "health answers" in page.select_one("label[for=id_consent]").text
    response = client.post("/screening/check-your-answers/", {})
    assert "Tick the box to agree" in response.content.decode()
    assert Submission.objects.count() == 0


@pytest.mark.parametrize("sent", ["0", "off", "false", "no", "x"])
def test_only_a_ticked_box_counts_as_consent(client, sent):
    # Django's checkbox reads any text but "false" as ticked (found by the fuzz tests).
    client.get("/screening/about-you/")
    post_contact(client)
    for step in STEPS[1:]:
        client.post(f"/screening/{step}/", all_no_answers())
    response = client.post("/screening/check-your-answers/", {"consent": sent})
    assert "Tick the box to agree" in response.content.decode()
    assert Submission.objects.count() == 0


def test_consent_is_stored_with_its_version_words_and_time(complete_questionnaire):
    complete_questionnaire()
    submission = Submission.objects.get()
    assert submission.consent_version == consent.VERSION
    assert "health answers" in submission.consent_text
    assert "after my consultation, whichever is later" in submission.consent_text
    assert submission.consent_given_at is not None


def test_check_page_has_a_change_link_for_every_answer(client, questionnaire):
    client.get("/screening/about-you/")
    post_contact(client)
    for step in STEPS[1:]:
        client.post(f"/screening/{step}/", all_no_answers())
    page = soup(client.get("/screening/check-your-answers/"))
    change_links = page.select(".check-list__change a")
    assert len(change_links) == 5 + len(questionnaire.questions)
    assert all(a["href"].endswith("?return=check") for a in change_links)


def test_change_link_returns_to_the_check_page(client):
    client.get("/screening/about-you/")
    post_contact(client)
    for step in STEPS[1:]:
        client.post(f"/screening/{step}/", all_no_answers())
    response = client.post(
        "/screening/medicines/?return=check", all_no_answers(pregnant="not_sure")
    )
    assert response["Location"] == "/screening/check-your-answers/"


def answers_seen(response):
    return soup(response).find("input", {"name": "answers_seen"})["value"]


def test_a_send_after_answers_changed_in_another_tab_shows_them_again_first(client):
    client.get("/screening/about-you/")
    post_contact(client)
    for step in STEPS[1:]:
        client.post(f"/screening/{step}/", all_no_answers(pregnant="yes"))
    shown = client.get("/screening/check-your-answers/")  # tab A: "Yes"
    client.post("/screening/medicines/?return=check", all_no_answers())  # tab B: "No"
    stale = {"consent": "on", "answers_seen": answers_seen(shown)}
    again = client.post("/screening/check-your-answers/", stale)
    assert again.status_code == 200 and not Submission.objects.exists()
    assert "Your answers changed in another tab or window" in again.content.decode()
    fresh = {"consent": "on", "answers_seen": answers_seen(again)}
    assert client.post("/screening/check-your-answers/", fresh).status_code == 302
    assert Submission.objects.get().flagged is False


def test_a_stale_check_page_sent_without_the_tick_shows_the_new_answers_once(client):
    client.get("/screening/about-you/")
    post_contact(client)
    for step in STEPS[1:]:
        client.post(f"/screening/{step}/", all_no_answers(pregnant="yes"))
    shown = client.get("/screening/check-your-answers/")
    client.post("/screening/medicines/?return=check", all_no_answers())
    stale = client.post("/screening/check-your-answers/", {"answers_seen": answers_seen(shown)})
    assert "Your answers changed in another tab" in stale.text
    unticked = client.post("/screening/check-your-answers/", {"answers_seen": answers_seen(stale)})
    assert "Tick the box to agree" in unticked.text
    assert "Your answers changed in another tab" not in unticked.text


def test_the_check_page_sends_unchanged_answers_at_once(client):
    client.get("/screening/about-you/")
    post_contact(client)
    for step in STEPS[1:]:
        client.post(f"/screening/{step}/", all_no_answers())
    shown = client.get("/screening/check-your-answers/")
    assert len(soup(shown).find_all("input", {"name": "answers_seen"})) == 1
    sent = client.post(
        "/screening/check-your-answers/", {"consent": "on", "answers_seen": answers_seen(shown)}
    )
    assert sent.status_code == 302 and Submission.objects.count() == 1


def test_submitting_twice_or_refreshing_makes_exactly_one_submission(
    client, complete_questionnaire
):
    first = complete_questionnaire()
    again = client.post("/screening/check-your-answers/", {"consent": "on"})
    refresh = client.get("/screening/your-result/")
    assert Submission.objects.count() == 1
    assert first["Location"] == again["Location"] == "/screening/your-result/"
    assert refresh.status_code == 200


def answered_up_to_send(client, answers=None):
    """A browser with every step answered; returns a copy holding the session cookie that
    a second tap on Send carries when it leaves before the first tap's reply arrives."""
    client.get("/screening/about-you/")
    post_contact(client)
    for step in STEPS[1:]:
        client.post(f"/screening/{step}/", answers or all_no_answers())
    before_reply = Client()
    before_reply.cookies = client.cookies.__class__(client.cookies)
    return before_reply


def test_second_tap_on_send_sent_before_the_first_reply_is_not_told_to_start_again(client):
    second_tap = answered_up_to_send(client)
    assert client.post("/screening/check-your-answers/", {"consent": "on"}).status_code == 302
    response = second_tap.post("/screening/check-your-answers/", {"consent": "on"}, follow=True)
    text = soup(response).get_text(" ", strip=True)
    assert response.redirect_chain[-1][0] == "/screening/your-result/"
    assert "Your answers have been sent" in text
    assert "You do not need to fill in the questionnaire again" in text
    assert "start again" not in text
    assert Submission.objects.count() == 1


def test_session_key_from_before_sending_cannot_open_the_result(client):
    earlier_key = answered_up_to_send(client, all_no_answers(pregnant="yes"))
    client.post("/screening/check-your-answers/", {"consent": "on"})
    reference = Submission.objects.get().reference
    assert reference in client.get("/screening/your-result/").content.decode()
    for url in ["/screening/your-result/", "/screening/your-result/print/"]:
        text = earlier_key.get(url).content.decode()
        assert "Your answers have been sent" in text
        assert reference not in text
        assert "Pregnancy" not in text


def test_snapshot_is_unchanged_when_the_questionnaire_is_reworded_later(
    client, complete_questionnaire
):
    complete_questionnaire(all_no_answers(pregnant="yes"))
    submission = Submission.objects.get()
    before = (submission.answers, submission.flags, submission.questionnaire_version)
    question = Question.objects.get(key="pregnant")
    question.text = "Is there any chance you are pregnant?"
    question.save()
    flag = Contraindication.objects.get(code="pregnancy")
    flag.name = "Possible pregnancy"
    flag.save()
    submission.refresh_from_db()
    assert (submission.answers, submission.flags, submission.questionnaire_version) == before
    assert "Pregnancy" in client.get("/screening/your-result/").content.decode()


def test_rewording_the_questionnaire_gives_a_new_version(complete_questionnaire):
    complete_questionnaire()
    question = Question.objects.get(key="diabetes")
    question.text = "Do you have diabetes of any type?"
    question.save()
    complete_questionnaire()
    versions = set(Submission.objects.values_list("questionnaire_version", flat=True))
    assert len(versions) == 2


def test_no_personal_or_health_data_appears_in_any_url(client, complete_questionnaire):
    marker_answers = all_no_answers(medicines="ZZMARKER-MED", allergy_details="ZZMARKER-ALG")
    response = complete_questionnaire(marker_answers, contact={"full_name": "ZZMARKER Name"})
    result = client.get(response["Location"])
    urls = [response["Location"]] + [a["href"] for a in soup(result).select("a[href]")]
    assert not [u for u in urls if "ZZMARKER" in u or "Jo" in u or "1985" in u]


def test_result_page_is_refused_to_another_browser(client, complete_questionnaire):
    complete_questionnaire()
    assert Client().get("/screening/your-result/").status_code == 404
    assert client.get("/screening/your-result/").status_code == 200


def test_result_reference_code_avoids_characters_that_sound_or_look_alike(
    complete_questionnaire,
):
    complete_questionnaire()
    reference = Submission.objects.get().reference
    assert re.fullmatch(r"[ACDEFGHJKMNPQRTUVWXY3479]{4}-[ACDEFGHJKMNPQRTUVWXY3479]{4}", reference)


def test_result_lists_each_flag_with_its_explanation_and_a_link_to_read_more(
    client, complete_questionnaire
):
    complete_questionnaire(all_no_answers(pregnant="yes", diabetes="not_sure"))
    page = soup(client.get("/screening/your-result/"))
    flags = page.select(".flag")
    assert [f.h3.text for f in flags] == ["Pregnancy", "A serious or long-term illness"]
    for flag in flags:
        assert "Please discuss this with your clinician before any treatment." in flag.text
    assert flags[0].a["href"] == "/topics/who-should-not-have-it/#pregnancy"


def test_result_says_which_typed_words_raised_a_flag_after_a_no(client, complete_questionnaire):
    answers = all_no_answers(blood_thinners_details="warfarin", medicines="Eliquis, methotrexate")
    complete_questionnaire(answers)
    page = soup(client.get("/screening/your-result/"))
    flags = {flag.h3.text: flag.text for flag in page.select(".flag")}
    thinners = flags["Medicines or supplements that thin the blood"]
    assert "Your answers mention \u201cwarfarin\u201d and \u201celiquis\u201d." in thinners
    assert "Your answers mention \u201cmethotrexate\u201d." in flags["Your immune system"]


def test_a_flag_from_a_yes_does_not_claim_the_patient_mentioned_anything(
    client, complete_questionnaire
):
    complete_questionnaire(all_no_answers(pregnant="yes"))
    assert "Your answers mention" not in client.get("/screening/your-result/").text


def test_result_without_flags_says_the_clinician_will_still_review_their_health(
    client, complete_questionnaire
):
    complete_questionnaire()
    text = soup(client.get("/screening/your-result/")).get_text(" ", strip=True)
    # Not "nothing to raise": a medicine the list does not know may still matter.
    assert "None of your answers matched the things we ask a clinician to check first" in text
    assert "clinician will still go through your health" in text


def test_print_version_of_the_result_shows_the_reference_and_flags(client, complete_questionnaire):
    complete_questionnaire(all_no_answers(breastfeeding="yes"))
    text = client.get("/screening/your-result/print/").content.decode()
    assert Submission.objects.get().reference in text
    assert "Breastfeeding" in text


def test_expired_session_mid_way_keeps_this_page_and_asks_for_the_rest(client):
    response = client.post("/screening/medicines/", all_no_answers(), follow=True)
    text = soup(response).get_text(" ", strip=True)
    assert response.status_code == 200
    assert "answers are cleared after 2 hours" in text
    # The patient is now on About you, so the message names the page that was kept.
    assert "kept what you typed on the \u201cPregnancy, medicines and bleeding\u201d page" in text
    assert response.redirect_chain[-1][0] == "/screening/about-you/"
    assert client.get("/screening/medicines/").context["form"].initial["pregnant"] == "no"


def test_a_step_sent_again_after_sending_is_not_saved_and_says_to_phone(
    client, complete_questionnaire
):
    complete_questionnaire()  # then Back to a step, or a second tab still on it
    response = client.post(
        "/screening/other-conditions/", all_no_answers(diabetes="yes"), follow=True
    )
    text = soup(response).get_text(" ", strip=True)
    assert response.redirect_chain[-1][0] == "/screening/your-result/"
    assert "You have already sent your answers, so this change was not saved" in text
    assert "phone the clinic on 020 7946 0000" in text
    assert "cleared after 2 hours" not in text
    submission = Submission.objects.get()
    assert next(a for a in submission.answers if a["key"] == "diabetes")["answer"] == "no"


def test_about_you_sent_after_sending_starts_a_new_questionnaire_and_says_so(
    client, complete_questionnaire
):
    complete_questionnaire()
    result_key = client.session.session_key
    reference = Submission.objects.get().reference
    response = post_contact(client, full_name="Sam Relative")
    assert response["Location"] == "/screening/treatment/"
    text = soup(client.get(response["Location"])).get_text(" ", strip=True)
    assert "You are filling in a new questionnaire" in text
    # Someone else on the same phone: not the last person's result, nor their session key.
    assert reference not in client.get("/screening/your-result/").content.decode()
    assert client.session.session_key != result_key


def test_an_empty_about_you_after_sending_keeps_the_result(client, complete_questionnaire):
    complete_questionnaire()
    response = client.post("/screening/about-you/", {})
    assert "Enter your full name" in response.text
    reference = Submission.objects.get().reference
    assert reference in client.get("/screening/your-result/").content.decode()


def test_result_page_with_the_cache_down_explains_instead_of_failing(client, monkeypatch):
    import screening.session

    class Down:
        def get(self, *args, **kwargs):
            raise ConnectionError("cache unreachable")

    monkeypatch.setattr(screening.session, "cache", Down())  # only the sent-note lookup
    client.cookies["sessionid"] = "a-session-that-ended"
    response = client.get("/screening/your-result/")
    assert response.status_code == 404
    assert "Your result is not shown here" in response.text


def test_a_percent_sign_in_a_choice_question_does_not_break_its_error(client):
    question = Question.objects.get(key="area")
    question.text = "Which area would you like treated (50% of people choose the face)?"
    question.save()
    response = client.post("/screening/treatment/", {"area": "elbow", "goal": "skin"})
    assert response.status_code == 200
    assert "Select one of the answers for: Which area would you like treated (50%" in (
        response.text
    )


def test_result_page_without_a_session_explains_instead_of_not_found(client):
    for url in ["/screening/your-result/", "/screening/your-result/print/"]:
        response = client.get(url)
        text = soup(response).get_text(" ", strip=True)
        assert response.status_code == 404
        assert "Your result is not shown here" in text
        assert "the clinic has them" in text and "020 7946 0000" in text
        assert "Page not found" not in text


def test_check_page_without_a_session_sends_the_patient_to_the_start(client):
    response = client.post("/screening/check-your-answers/", {"consent": "on"}, follow=True)
    assert response.redirect_chain[-1][0] == "/screening/"
    assert "Please start again" in response.content.decode()


def test_honeypot_filled_in_by_a_bot_is_not_accepted(client, complete_questionnaire):
    client.get("/screening/about-you/")
    post_contact(client)
    for step in STEPS[1:]:
        client.post(f"/screening/{step}/", all_no_answers())
    response = client.post("/screening/check-your-answers/", {"consent": "on", "website": "x"})
    assert response.status_code == 400
    assert Submission.objects.count() == 0


def test_too_many_submissions_from_one_client_get_a_page_that_explains(
    settings, complete_questionnaire
):
    settings.SCREENING_SUBMISSIONS_PER_HOUR = 2
    assert complete_questionnaire().status_code == 302
    assert complete_questionnaire().status_code == 302
    response = complete_questionnaire()
    assert response.status_code == 429
    text = soup(response).get_text(" ", strip=True)
    assert "up to 2 questionnaires an hour from one device" in text
    assert "try again in an hour" in text
    assert Submission.objects.count() == 2


def send_from(client, complete_questionnaire, address):
    client.defaults["REMOTE_ADDR"] = address
    return complete_questionnaire()


def test_sends_from_many_addresses_stop_at_the_clinic_wide_limit_and_it_is_logged_once(
    client, settings, complete_questionnaire, caplog
):
    settings.SCREENING_CLINIC_SUBMISSIONS_PER_HOUR = 2
    for n in (1, 2):
        assert send_from(client, complete_questionnaire, f"198.51.100.{n}").status_code == 302
    turned_away = [send_from(client, complete_questionnaire, f"203.0.113.{n}") for n in (1, 2)]
    assert [r.status_code for r in turned_away] == [429, 429]
    assert 3590 <= int(turned_away[0]["Retry-After"]) <= 3600
    text = soup(turned_away[0]).get_text(" ", strip=True)
    assert "We cannot take your answers just now" in text
    assert "Your answers have not been lost" in text
    assert Submission.objects.count() == 2
    logged = [r for r in caplog.records if "clinic-wide limit" in r.getMessage()]
    assert [r.levelname for r in logged] == ["ERROR"]


def test_a_patient_turned_away_late_in_the_hour_is_told_the_real_wait(
    client, settings, complete_questionnaire, monkeypatch
):
    settings.SCREENING_SUBMISSIONS_PER_HOUR = 1
    clock = [1_800_000_000.0]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    assert complete_questionnaire().status_code == 302
    clock[0] += 37 * 60
    response = complete_questionnaire()
    assert response.status_code == 429
    assert response["Retry-After"] == str(23 * 60)
    assert "Please try again in about 25 minutes" in soup(response).get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(1, "in a minute"), (60, "in a minute"), (61, "in about 5 minutes"),
     (1500, "in about 25 minutes"), (1501, "in about 30 minutes"),
     (3300, "in about 55 minutes"), (3301, "in an hour"), (3600, "in an hour")],
)  # fmt: skip
def test_the_wait_is_put_in_plain_words_rounded_up(seconds, words):
    assert limits.try_again_in(seconds) == words


def test_a_patient_turned_away_by_the_clinic_wide_limit_can_send_the_same_answers_later(
    client, settings, complete_questionnaire
):
    settings.SCREENING_CLINIC_SUBMISSIONS_PER_HOUR = 0
    assert complete_questionnaire(all_no_answers(medicines="ZZLATER")).status_code == 429
    page = client.get("/screening/check-your-answers/")
    assert "ZZLATER" in page.content.decode()
    settings.SCREENING_CLINIC_SUBMISSIONS_PER_HOUR = 100
    assert client.post("/screening/check-your-answers/", {"consent": "on"}).status_code == 302
    assert "ZZLATER" in str(Submission.objects.get().answers)


def test_one_address_over_its_own_limit_does_not_close_the_form_for_everyone(
    client, settings, complete_questionnaire
):
    settings.SCREENING_SUBMISSIONS_PER_HOUR = 1
    settings.SCREENING_CLINIC_SUBMISSIONS_PER_HOUR = 2
    statuses = [
        send_from(client, complete_questionnaire, "198.51.100.1").status_code for _ in range(4)
    ]
    assert statuses == [302, 429, 429, 429]
    assert send_from(client, complete_questionnaire, "198.51.100.2").status_code == 302


def test_database_failure_at_submit_gives_503_with_answers_still_on_screen(client, monkeypatch):
    client.get("/screening/about-you/")
    post_contact(client, full_name="Robin Keepme")
    for step in STEPS[1:]:
        client.post(f"/screening/{step}/", all_no_answers(medicines="ZZKEPT"))

    def database_down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(Submission.objects, "create", database_down)
    response = client.post("/screening/check-your-answers/", {"consent": "on"})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    text = response.content.decode()
    assert "could not save your answers just now" in text
    assert "Robin Keepme" in text and "ZZKEPT" in text
    monkeypatch.undo()
    assert client.post("/screening/check-your-answers/", {"consent": "on"}).status_code == 302
    assert Submission.objects.count() == 1


def test_consult_date_is_optional(complete_questionnaire):
    cleared = {"consult_date_0": "", "consult_date_1": "", "consult_date_2": ""}
    assert complete_questionnaire(contact=cleared).status_code == 302
    assert Submission.objects.get().consult_date is None


def test_step_pages_are_never_cached_by_the_browser(client):
    assert "no-store" in client.get("/screening/about-you/")["Cache-Control"]


def test_unknown_step_is_a_friendly_404(client):
    assert client.get("/screening/not-a-step/").status_code == 404


def test_consult_in_two_years_and_a_day_is_refused(client):
    far = consult_date_fields(731)
    assert "within the next 2 years" in post_contact(client, **far).content.decode()


def test_date_of_birth_in_the_distant_past_is_refused(client):
    old = {"date_of_birth_2": str(date.today().year - 121)}
    page = soup(post_contact(client, **old))
    link = page.select_one(".govuk-error-summary a")
    assert "Check the year" in link.text
    assert link["href"] == "#id_date_of_birth_2"  # the year box, where the mistake is


@pytest.mark.parametrize("name", ["\u200b\u200b", "\u00ad", "--", "123"])
def test_a_name_without_a_letter_is_asked_for_again(client, name):
    response = post_contact(client, full_name=name)
    assert "Enter your full name" in response.content.decode()


def test_date_of_birth_of_spaces_only_is_asked_for_again(client):
    response = post_contact(client, date_of_birth_0=" ", date_of_birth_1=" ", date_of_birth_2=" ")
    assert response.status_code == 200
    assert "Enter your date of birth" in response.content.decode()


def test_going_back_after_sending_shows_the_result_not_a_lost_answers_message(
    client, complete_questionnaire
):
    complete_questionnaire()
    response = client.get("/screening/check-your-answers/", follow=True)
    assert response.redirect_chain[-1][0] == "/screening/your-result/"
    assert "You have already sent your answers" in response.content.decode()


def test_error_summary_links_land_on_a_real_input_for_dates_and_radios(client):
    page = soup(post_contact(client, date_of_birth_2=""))
    assert page.select_one('.govuk-error-summary a[href="#id_date_of_birth_2"]')
    assert page.select_one("#id_date_of_birth_2").name == "input"
    page = soup(client.post("/screening/treatment/", {}))
    links = [a["href"] for a in page.select(".govuk-error-summary a")]
    assert links and all(page.select_one(h).name == "input" for h in links)


def test_change_link_pages_go_back_to_the_check_page(client):
    page = soup(client.get("/screening/medicines/?return=check"))
    assert page.select_one("a.back-link")["href"] == "/screening/check-your-answers/"
    assert "Save and go back" in page.select_one("main form button").text


def test_first_visit_page_from_the_cache_carries_a_working_csrf_token():
    import re as regex

    for _ in range(2):  # the second visitor gets the cached page
        visitor = Client(enforce_csrf_checks=True)
        page = visitor.get("/screening/about-you/").content.decode()
        token = regex.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        assert "csrf-token-slot" not in page
        response = visitor.post(
            "/screening/about-you/",
            {**CONTACT, **consult_date_fields(), "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302


def test_every_step_sends_exactly_one_csrf_token_even_from_the_fragment_cache():
    first, second = Client(), Client()
    for visitor in (first, second):  # the second visitor's steps come from cached fragments
        visitor.post("/screening/about-you/", {**CONTACT, **consult_date_fields()})
        for step in ["treatment", "medicines", "skin-and-immunity", "other-conditions"]:
            html = visitor.get(f"/screening/{step}/").content.decode()
            assert html.count('name="csrfmiddlewaretoken"') == 1, step
            visitor.post(f"/screening/{step}/", all_no_answers())
    assert visitor.get("/staff/login/").content.decode().count("csrfmiddlewaretoken") == 1


def test_a_question_added_after_its_step_was_answered_is_asked_before_sending(client):
    from screening.models import Section

    client.get("/screening/about-you/")
    post_contact(client)
    for step in STEPS[1:]:
        client.post(f"/screening/{step}/", all_no_answers())
    question = Question.objects.get(key="diabetes")
    question.section = Section.MEDICINES
    question.save()
    response = client.post("/screening/check-your-answers/", {"consent": "on"})
    assert response["Location"] == "/screening/medicines/"
    assert Submission.objects.count() == 0


def test_sends_refused_while_the_form_is_paused_do_not_use_up_the_device_limit(
    client, settings, complete_questionnaire
):
    settings.SCREENING_SUBMISSIONS_PER_HOUR = 2
    settings.SCREENING_CLINIC_SUBMISSIONS_PER_HOUR = 1
    assert send_from(client, complete_questionnaire, "198.51.100.9").status_code == 302
    refused = [complete_questionnaire() for _ in range(3)]
    assert {r.status_code for r in refused} == {429}
    assert all("We cannot take your answers just now" in r.text for r in refused)


@pytest.mark.parametrize(
    ("day", "month", "year", "box"),
    [("3", "", "1985", 1), ("3", "4", "", 2), ("", "", "1985", 0), ("3", "13", "1985", 1),
     ("31", "2", "1985", 0), ("3", "4", "85", 2), ("3", "x", "1985", 1)],
)  # fmt: skip
def test_a_date_error_links_to_the_box_it_is_about(client, day, month, year, box):
    dates = {"date_of_birth_0": day, "date_of_birth_1": month, "date_of_birth_2": year}
    page = soup(post_contact(client, **dates))
    links = [a["href"] for a in page.select(".govuk-error-summary a")]
    assert links == [f"#id_date_of_birth_{box}"]
    assert page.select_one(f"#id_date_of_birth_{box}") is not None


def test_something_else_asks_what_and_what_is_written_can_raise_a_flag(
    client, complete_questionnaire
):
    client.get("/screening/about-you/")
    post_contact(client)
    step = all_no_answers(goal="other", area="other")
    page = soup(client.post("/screening/treatment/", step))
    links = [a["href"] for a in page.select(".govuk-error-summary a")]
    assert links == ["#id_area_details", "#id_goal_details"]
    assert "If \u201cSomething else\u201d: What do you hope it will do?" in page.text
    answers = all_no_answers(
        goal="other", goal_details="lose weight for my wedding", area="other",
        area_details="upper arms",
    )  # fmt: skip
    assert complete_questionnaire(answers).status_code == 302
    submission = Submission.objects.get()
    assert submission.flag_codes == ["weight_loss_goal"]
    rows = {row["key"]: row for row in submission.answers}
    assert rows["area"]["follow_up_answer"] == "upper arms"


def test_a_patient_on_a_shared_device_can_remove_their_result_from_it(
    client, complete_questionnaire
):
    complete_questionnaire(all_no_answers(pregnant="yes"))
    assert "Remove my result from this device" in client.get("/screening/your-result/").text
    gone = client.post("/screening/your-result/remove/", follow=True)
    assert gone.redirect_chain[-1][0] == "/screening/"
    assert "Your result is no longer shown on this device" in gone.text
    after = client.get("/screening/your-result/")
    assert after.status_code == 404 and "Pregnan" not in after.text
    assert Submission.objects.count() == 1


def test_removing_a_result_needs_a_form_post_not_a_link(client, complete_questionnaire):
    complete_questionnaire()
    assert client.get("/screening/your-result/remove/").status_code == 405
    assert client.get("/screening/your-result/").status_code == 200
