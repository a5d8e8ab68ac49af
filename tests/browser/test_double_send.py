"""A patient taps Send twice on a slow connection, in headless Chromium.

The first tap reaches the server and its answers are stored, but its reply (with the
session's new key) never reaches the browser; the second tap carries the old key.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from screening.models import Submission
from tests.patients import all_no_answers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def lose_the_first_reply(page):
    """Hold the first tap's request; when the second tap comes, hand the first one to
    the app outside the browser, so its reply and new cookie go nowhere. Returns the
    list that receives the lost reply's status."""
    held, lost_replies = [], []

    def route(route):
        if route.request.method != "POST":
            return route.continue_()
        if not held:
            return held.append(route.request)
        first, elsewhere = held[0], Client()
        for cookie in page.context.cookies():
            elsewhere.cookies[cookie["name"]] = cookie["value"]
        reply = elsewhere.post(
            urlsplit(first.url).path,
            first.post_data_buffer,
            content_type=first.headers["content-type"],
        )
        lost_replies.append(reply.status_code)
        route.continue_()

    page.route("**/check-your-answers/", route)
    return lost_replies


def test_second_tap_on_send_says_the_answers_were_sent_once(page, answered_up_to_send, check_page):
    answered_up_to_send(page, all_no_answers(pregnant="yes"))
    lost_replies = lose_the_first_reply(page)
    page.check("#id_consent")
    send = page.get_by_role("button", name="Agree and send")
    send.scroll_into_view_if_needed()
    box = send.bounding_box()
    for _ in range(2):  # taps on the same spot; the second while the first is pending
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(200)
    page.wait_for_url(re.compile(r"/your-result/$"))
    assert lost_replies == [302]  # the first tap was stored and sent on to its result

    text = page.locator("main").inner_text()
    assert "Your answers have been sent" in text
    assert "You do not need to fill in the questionnaire again" in text
    submission = Submission.objects.get()
    assert submission.reference not in text and "Pregnancy" not in text
    check_page(page)
