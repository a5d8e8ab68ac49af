"""A patient completes the questionnaire with the keyboard alone, in headless Chromium."""

import re
from datetime import date, timedelta

import pytest

from screening.models import Submission

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def tab_to(page, element_id, limit=200):
    """Press Tab until the element has focus, as a keyboard user would."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.id"))
        if seen[-1] == element_id:
            return
    raise AssertionError(
        f"could not reach #{element_id} on {page.url} ({page.title()}); focus went to "
        f"{sorted(set(seen))}"
    )


def type_into(page, element_id, text):
    tab_to(page, element_id)
    page.keyboard.type(text)


def choose(page, name, option):
    """Pick a radio option with the keyboard: Space for the first, arrows for the rest."""
    tab_to(page, f"id_{name}_1")
    if option == 1:
        page.keyboard.press("Space")
    for _ in range(option - 1):
        page.keyboard.press("ArrowDown")


def submit(page, label="Continue"):
    tab_to(page, page.evaluate(
        "(l) => { const b = [...document.querySelectorAll('button')]"
        ".find(b => b.textContent.trim() === l); b.id = b.id || 'submit-button'; return b.id; }",
        label,
    ))  # fmt: skip
    with page.expect_navigation():
        page.keyboard.press("Enter")


def answer_all_no(page, names):
    for name in names:
        choose(page, name, 2)


def test_patient_completes_the_questionnaire_with_the_keyboard_alone(page, check_page):
    page.goto("/screening/")
    check_page(page)
    tab_to(page, page.evaluate("document.querySelector('.button--start').id = 'start'"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/about-you/(#.*)?$"))
    check_page(page)

    # A mistake first: a birth year in the future, and no way to contact them.
    type_into(page, "id_full_name", "Sam Keyboard")
    type_into(page, "id_date_of_birth_0", "4")
    type_into(page, "id_date_of_birth_1", "7")
    type_into(page, "id_date_of_birth_2", str(date.today().year + 2))
    submit(page)
    assert page.title().startswith("Error:")
    summary = page.locator(".govuk-error-summary")
    assert "Date of birth must be in the past" in summary.inner_text()
    # Focus starts on the summary, so keyboard and screen-reader users begin there.
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert page.locator("#id_full_name").input_value() == "Sam Keyboard"
    check_page(page)

    # The correction, reached from the error summary's link.
    summary.get_by_role("link", name="Date of birth must be in the past").click()
    page.locator("#id_date_of_birth_2").fill("")
    page.locator("#id_date_of_birth_2").focus()
    page.keyboard.type("1990")
    type_into(page, "id_email", "sam@example.com")
    consult = date.today() + timedelta(days=10)
    type_into(page, "id_consult_date_0", str(consult.day))
    type_into(page, "id_consult_date_1", str(consult.month))
    type_into(page, "id_consult_date_2", str(consult.year))
    submit(page)
    page.wait_for_url(re.compile(r"/treatment/(#.*)?$"))
    check_page(page)

    choose(page, "area", 1)
    choose(page, "goal", 1)
    choose(page, "weight_loss", 2)
    submit(page)
    page.wait_for_url(re.compile(r"/medicines/(#.*)?$"))
    check_page(page)

    choose(page, "pregnant", 2)
    choose(page, "breastfeeding", 2)
    choose(page, "blood_thinners", 3)  # not sure
    type_into(page, "id_blood_thinners_details", "A tablet for my heart rhythm")
    choose(page, "bleeding_disorder", 2)
    submit(page)
    page.wait_for_url(re.compile(r"/skin-and-immunity/(#.*)?$"))
    check_page(page)

    answer_all_no(page, ["skin_problem_at_area", "allergy", "severe_allergy", "autoimmune",
                         "immune_medicines"])  # fmt: skip
    submit(page)
    page.wait_for_url(re.compile(r"/other-conditions/(#.*)?$"))
    check_page(page)

    answer_all_no(page, ["cancer", "liver_kidney", "heart_disease", "diabetes",
                         "heart_attack_stroke"])  # fmt: skip
    submit(page)
    page.wait_for_url(re.compile(r"/check-your-answers/(#.*)?$"))
    check_page(page)

    submit(page, "Agree and send")  # consent not ticked yet
    assert "Tick the box to agree" in page.locator(".govuk-error-summary").inner_text()
    check_page(page)
    tab_to(page, "id_consent")
    page.keyboard.press("Space")
    submit(page, "Agree and send")
    page.wait_for_url(re.compile(r"/your-result/(#.*)?$"))
    check_page(page)

    submission = Submission.objects.get()
    assert submission.reference in page.locator(".reference").inner_text()
    assert [f["code"] for f in submission.flags] == ["anticoagulants"]
    flag = page.locator(".flag")
    assert "Please discuss this with your clinician before any treatment." in flag.inner_text()
    page.get_by_role("link", name="Print-friendly version").click()
    page.wait_for_url(re.compile(r"/your-result/print/$"))  # and its stylesheet loaded
    check_page(page)


def test_after_a_summary_link_is_used_focus_still_goes_to_the_next_error_summary(page):
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto("/screening/about-you/")
    submit(page)
    page.locator(".govuk-error-summary").get_by_role("link", name="full name").click()
    label = page.get_by_text("Full name", exact=True).bounding_box()
    assert label["y"] >= 0  # the field's label is not scrolled off the top
    page.locator("#id_full_name").fill("Sam Summary")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "#" not in page.url
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert page.locator("#id_full_name").input_value() == "Sam Summary"
