"""Staff are warned five minutes before the idle sign-out, so typed work can be saved."""

import pytest
from django.test import Client

from tests.browser.conftest import share_session
from tests.conftest import verified_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
WARNING = "You will be signed out in about 5 minutes"


@pytest.fixture
def signed_in_page(page, live_server, admin_user):
    share_session(verified_login(Client(), admin_user), page, live_server)
    page.clock.install()
    return page


@pytest.mark.parametrize("path", ["/admin/content/topic/add/", "/staff/"])
def test_staff_are_warned_five_minutes_before_the_idle_sign_out(signed_in_page, path):
    page = signed_in_page
    page.goto(path)
    page.clock.fast_forward("23:50")
    assert page.get_by_role("alert").filter(has_text=WARNING).count() == 0
    page.clock.fast_forward("00:20")
    warning = page.get_by_role("alert").filter(has_text=WARNING)
    warning.wait_for()
    assert "Anything you have typed and not saved would be lost" in warning.inner_text()


def test_the_staff_page_with_the_warning_still_passes_the_accessibility_checks(
    signed_in_page, check_page
):
    page = signed_in_page
    page.goto("/staff/")
    page.clock.fast_forward("24:10")
    page.get_by_role("alert").filter(has_text=WARNING).wait_for()
    check_page(page)


def test_stay_signed_in_starts_the_idle_clock_again_and_the_warning_stays_in_view(
    signed_in_page,
):
    page = signed_in_page
    page.set_viewport_size({"width": 768, "height": 600})
    page.goto("/staff/")
    page.clock.fast_forward("24:10")
    warning = page.get_by_role("alert").filter(has_text=WARNING)
    page.mouse.wheel(0, 5000)
    box = warning.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 600  # fixed, so still on screen
    with page.expect_response("**/staff/still-here/") as answer:
        warning.get_by_role("button", name="Stay signed in").click()
    assert answer.value.status == 204
    warning.wait_for(state="detached")
    page.clock.fast_forward("23:50")
    assert page.get_by_role("alert").filter(has_text=WARNING).count() == 0
    page.clock.fast_forward("00:20")
    page.get_by_role("alert").filter(has_text=WARNING).wait_for()


def test_typing_counts_as_activity_at_most_once_a_minute(signed_in_page):
    page = signed_in_page
    page.goto("/staff/")
    page.clock.fast_forward("02:00")
    with page.expect_response("**/staff/still-here/"):
        page.get_by_label("Reference or name").fill("Jo")
    page.clock.fast_forward("23:00")  # 25 minutes after loading, 23 after typing
    assert page.get_by_role("alert").filter(has_text=WARNING).count() == 0


def test_typing_soon_after_a_check_in_is_told_when_the_minute_is_up(signed_in_page):
    page = signed_in_page
    page.goto("/staff/")
    page.clock.fast_forward("00:30")
    told = []
    page.on("request", lambda request: told.append(request.url))
    page.get_by_label("Reference or name").fill("Jo")
    page.clock.fast_forward("00:10")
    assert not [url for url in told if "still-here" in url]
    with page.expect_response("**/staff/still-here/"):
        page.clock.fast_forward("00:25")
    page.clock.fast_forward("23:00")  # 24 minutes after loading, 23 after the check-in
    assert page.get_by_role("alert").filter(has_text=WARNING).count() == 0


def test_the_warning_says_so_once_the_idle_time_is_up(signed_in_page):
    page = signed_in_page
    page.goto("/staff/")
    page.clock.fast_forward("24:10")
    page.get_by_role("alert").filter(has_text=WARNING).wait_for()
    page.clock.fast_forward("06:00")
    ended = page.get_by_role("alert").filter(has_text="You have probably been signed out")
    ended.wait_for()
    assert "Copy anything you typed and not saved" in ended.inner_text()
