import base64
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "p" * 20 + "r0duct10n-k3y-w1th-3n0ugh-ch4r4ct3rs-xyz",
    "DJANGO_ALLOWED_HOSTS": "clinic.example",
    "MESOINFO_FIELD_KEYS": base64.urlsafe_b64encode(b"a-field-key-for-the-deploy-check").decode(),
}
FIELD_KEYS = {"MESOINFO_FIELD_KEYS": PRODUCTION_ENV["MESOINFO_FIELD_KEYS"]}


def run_django(code, **env):
    """Run Python in a fresh process with the given environment (not under pytest)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    full_env.update(env)
    full_env.setdefault("DJANGO_SETTINGS_MODULE", "mesoinfo.settings")
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def manage(*args, **env):
    return run_django(
        "import sys; from django.core.management import execute_from_command_line; "
        f"execute_from_command_line(['manage.py', *{list(args)!r}])",
        **env,
    )


def test_missing_secret_key_with_debug_off_refuses_to_start():
    result = manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_missing_field_keys_with_debug_off_refuses_to_start():
    without_keys = {k: v for k, v in PRODUCTION_ENV.items() if k != "MESOINFO_FIELD_KEYS"}
    result = manage("check", **without_keys)
    assert result.returncode != 0
    assert "MESOINFO_FIELD_KEYS is not set" in result.stderr


def test_a_malformed_field_key_refuses_to_start():
    result = manage("check", **{**PRODUCTION_ENV, "MESOINFO_FIELD_KEYS": "not-a-key"})
    assert result.returncode != 0
    assert "is not a key" in result.stderr


def test_debug_mode_with_a_database_url_still_needs_field_keys():
    # The development key is public: it must never encrypt a real clinic's database.
    result = manage("check", DJANGO_DEBUG="1", DATABASE_URL="postgres://x@db.example/clinic")
    assert result.returncode != 0
    assert "MESOINFO_FIELD_KEYS is not set" in result.stderr


def test_the_suggested_command_makes_a_field_key_production_accepts():
    from mesoinfo.settings import NEW_KEY

    command = NEW_KEY.strip("`").replace("python", shlex.quote(sys.executable), 1)
    key = subprocess.run(command, shell=True, capture_output=True, text=True, check=True)  # noqa: S602
    result = manage("check", **{**PRODUCTION_ENV, "MESOINFO_FIELD_KEYS": key.stdout.strip()})
    assert result.returncode == 0, result.stderr


def test_debug_mode_starts_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_production_settings_harden_cookies_and_headers():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_NAME, "
        "s.CSRF_COOKIE_NAME, s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_SSL_REDIRECT, "
        "s.PASSWORD_HASHERS[0].rsplit('.', 1)[1])"
    )
    result = run_django(code, **PRODUCTION_ENV)
    assert result.stdout.split() == [
        "False",
        "True",
        "True",
        "__Host-sessionid",
        "__Host-csrftoken",
        "True",
        "True",
        "Argon2PasswordHasher",
    ]


def test_readyz_answers_503_and_healthz_200_when_the_database_is_unreachable():
    # Port 9 on loopback has no PostgreSQL: a real connection failure, not a mock.
    code = (
        "import django; django.setup(); from django.test import Client; "
        "c = Client(); r = c.get('/readyz', HTTP_HOST='localhost'); "
        "h = c.get('/healthz', HTTP_HOST='localhost'); "
        "print(r.status_code, h.status_code); print(r.content.decode())"
    )
    result = run_django(
        code, DJANGO_DEBUG="1", DATABASE_URL="postgres://nobody@127.0.0.1:9/none", **FIELD_KEYS
    )
    statuses, body = result.stdout.split("\n", 1)
    assert statuses == "503 200"
    assert "Traceback" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/healthz", "/readyz"])
def test_health_checks_answer_200_uncached_when_the_database_is_up(client, url, settings):
    settings.SECURE_SSL_REDIRECT = True  # as in production: probes still get plain HTTP
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.parametrize(
    ("url", "sslmode"),
    [("postgres://u:p@db.clinic.example/m", "verify-full"), ("postgres://u:p@127.0.0.1/m", None),
     ("postgres://u:p@%2Fvar%2Frun%2Fpostgresql/m", None)],
)  # fmt: skip
def test_a_database_on_another_host_must_present_a_certificate_we_check(url, sslmode):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['OPTIONS'].get('sslmode'))"
    )
    result = run_django(code, DJANGO_DEBUG="1", DATABASE_URL=url, **FIELD_KEYS)
    assert result.stdout.strip() == str(sslmode), result.stderr[-300:]


@pytest.mark.django_db
def test_every_page_sends_a_same_origin_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "http" not in policy


@pytest.mark.django_db
def test_unknown_page_is_a_friendly_404_in_the_site_layout(client):
    response = client.get("/nothing-here/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"Skip to main content" in response.content


def test_server_error_page_renders_without_the_database(rf):
    from mesoinfo.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content


@pytest.mark.django_db
def test_the_old_favicon_address_sends_browsers_to_the_icon(client):
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.ico"
    assert "max-age=86400" in response["Cache-Control"]
    icon = Path(finders.find("img/favicon.ico")).read_bytes()
    assert icon[:4] == b"\x00\x00\x01\x00"  # an icon file, not something renamed
