"""Large text on a small phone: someone who sets their browser's text size to 200% on a
320 px wide screen reads every patient page without scrolling sideways (WCAG 1.4.4 and
1.4.10). The site sizes text in rem, so a 200% root size is what that setting does."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PATIENT_PAGES = [
    "/",
    "/topics/",
    "/topics/who-should-not-have-it/",
    "/topics/procedure-and-sessions/",
    "/screening/",
    "/screening/about-you/",
    "/screening/medicines/",
    "/privacy/",
    "/contact/",
]


@pytest.fixture
def small_phone(browser, live_server):
    # bypass_csp only lets the test add its text-size style; the site's CSP is unchanged.
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, base_url=live_server.url, bypass_csp=True
    )
    yield context.new_page()
    context.close()


def sideways_overflow(page):
    page.add_style_tag(content="html { font-size: 200% }")
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_patient_pages_fit_a_small_phone_with_large_text(small_phone):
    call_command("load_starter_content", verbosity=0)
    overflowing = {}
    for path in PATIENT_PAGES:
        small_phone.goto(path)
        overflowing[path] = sideways_overflow(small_phone)
    assert overflowing == dict.fromkeys(PATIENT_PAGES, 0)


def test_check_page_and_whole_reference_code_fit_with_large_text(small_phone, answered_up_to_send):
    answered_up_to_send(small_phone)
    assert sideways_overflow(small_phone) == 0
    small_phone.check("#id_consent")
    small_phone.get_by_role("button", name="Agree and send").click()
    small_phone.wait_for_url("**/your-result/")
    assert sideways_overflow(small_phone) == 0
    code = small_phone.locator(".reference").bounding_box()
    panel = small_phone.locator(".panel").bounding_box()
    assert panel["x"] <= code["x"] and code["x"] + code["width"] <= panel["x"] + panel["width"]
