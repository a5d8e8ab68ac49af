"""Headless Chromium (Debian's) through Playwright, with accessibility and HTML checks.

Every page test calls `check_page(page)`: axe-core (WCAG 2.2 A and AA) must find
no violations and the Nu HTML Checker must find no errors.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses
# to run next to one unless told that this test-only use is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    executable = shutil.which("chromium")
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Debian's chromium is not installed")
        pytest.skip("chromium is not installed: apt-get install chromium")
    starter_rows = _serialized_test_databases()
    with sync_playwright() as playwright:
        _restore_serialized_test_databases(starter_rows)
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _serialized_test_databases():
    from django.db import connections

    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


def _restore_serialized_test_databases(starter_rows):
    """Hand the starter rows that serialized_rollback reloads to this thread's new
    connections.

    Once Playwright's sync API has started, the test thread runs in a new context,
    and Django keeps its connections per context, so the tests from then on use new
    connection objects that lack the rows. Each browser test's flush would then leave
    the next test with no questions or topics.
    """
    from django.db import connections

    for alias, rows in starter_rows.items():
        connections[alias]._test_serialized_contents = rows


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def viewport(request):
    return WIDTHS[request.param]


@pytest.fixture
def page(browser, viewport, live_server):
    context = browser.new_context(viewport=viewport, base_url=live_server.url)
    page = context.new_page()
    foreign = []

    def note_foreign(request):
        if not request.url.startswith((live_server.url, "data:", "about:")):
            foreign.append(request.url)

    page.on("request", note_foreign)
    yield page
    context.close()
    assert foreign == [], f"requests left this site: {foreign}"


def axe_violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']]})"
        for v in results.response["violations"]
    ]


def html_errors(html, tmp_path):
    if not VNU_JAR.exists() or shutil.which("java") is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "vnu-jar or java is missing (npm ci; apt-get install default-jre-headless)"
            )
        pytest.skip("vnu-jar or java missing: npm ci")
    target = tmp_path / "page.html"
    target.write_text(html, encoding="utf-8")
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [f"line {m.get('lastLine')}: {m['message']}" for m in messages]


@pytest.fixture
def check_page(tmp_path):
    """Assert that the page now shown has no accessibility or HTML errors."""

    def check(page):
        assert axe_violations(page) == []
        assert html_errors(page.content(), tmp_path) == []

    return check


@pytest.fixture
def sign_in(live_server):
    """Put a signed-in session for `user` into the page's browser context."""
    from django.test import Client

    def sign_in(page, user):
        client = Client()
        client.force_login(user)
        share_session(client, page, live_server)

    return sign_in


@pytest.fixture
def answered_up_to_send(live_server):
    """Open the check page in `page` with every step already answered."""
    from django.test import Client

    from screening.session import STEPS
    from tests.patients import CONTACT, all_no_answers, consult_date_fields

    def answer(page, answers=None):
        client = Client()
        client.get("/screening/about-you/")
        client.post("/screening/about-you/", {**CONTACT, **consult_date_fields()})
        for step in STEPS[1:]:
            client.post(f"/screening/{step}/", answers or all_no_answers())
        share_session(client, page, live_server)
        page.goto("/screening/check-your-answers/")

    return answer


def share_session(client, page, live_server):
    """Give the page's browser the session of a Django test client."""
    from django.conf import settings

    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
