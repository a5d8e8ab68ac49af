import pytest

PAGES = {
    "/": "Thinking about mesotherapy?",
    "/topics/": "About mesotherapy",
    "/screening/": "Health questions before your consultation",
    "/privacy/": "Privacy notice",
    "/contact/": "Contact us",
    "/no-such-page/": "Page not found",
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("path", PAGES)
def test_every_site_page_is_accessible_and_valid(page, check_page, path):
    page.goto(path)
    assert page.locator("h1").inner_text() == PAGES[path]
    check_page(page)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_skip_link_moves_keyboard_focus_to_the_main_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("template", ["403.html", "500.html", "400.html"])
def test_error_pages_are_accessible_and_valid(page, check_page, template):
    from django.template.loader import render_to_string

    page.goto("/")
    page.set_content(render_to_string(template, {"clinic": None}))
    check_page(page)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_checkers_report_an_unlabelled_field_and_invalid_html(page, tmp_path):
    from tests.browser.conftest import axe_violations, html_errors

    page.goto("/")
    bad = "<!DOCTYPE html><html lang=en><title>x</title><main><input type=text><p><div></p>"
    page.set_content(bad)
    assert any(v.startswith("label") for v in axe_violations(page))
    assert html_errors(bad, tmp_path) != []
