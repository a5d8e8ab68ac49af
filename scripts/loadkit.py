"""Shared parts of the soak test and the benchmark: a production-like server on loopback,
the throwaway PostgreSQL cluster's controls, and a patient who fills in the questionnaire."""

import base64
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
STEPS = ["treatment", "medicines", "skin-and-immunity", "other-conditions"]
NO_ANSWERS = {
    "area": "face",
    "goal": "skin",
    "weight_loss": "no",
    "pregnant": "no",
    "breastfeeding": "no",
    "blood_thinners": "no",
    "bleeding_disorder": "no",
    "medicines": "",
    "skin_problem_at_area": "no",
    "allergy": "no",
    "severe_allergy": "no",
    "allergy_details": "",
    "autoimmune": "no",
    "immune_medicines": "no",
    "cancer": "no",
    "liver_kidney": "no",
    "heart_disease": "no",
    "diabetes": "no",
    "heart_attack_stroke": "no",
}


def production_env(**extra):
    """Production settings, loopback only: no TLS here, so no HTTPS redirect or secure cookies."""
    cache_dir = tempfile.mkdtemp(prefix="mesoinfo-cache-")
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "MESOINFO_FIELD_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_CONN_MAX_AGE": "60",
        "DJANGO_CACHE_DIR": cache_dir,
        "DJANGO_LOG_LEVEL": "WARNING",
        "MESOINFO_SUBMISSIONS_PER_HOUR": "1000000",
        "MESOINFO_CLINIC_SUBMISSIONS_PER_HOUR": "1000000",
        # The clinic's notification emails go nowhere on loopback (SMTP in production).
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    env.update(extra)
    return env


def manage(env, *args, quiet=True):
    out = subprocess.DEVNULL if quiet else None
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=out)


def prepare(env):
    manage(env, "migrate", "--no-input")
    manage(env, "load_starter_content")
    manage(env, "collectstatic", "--no-input")


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn on 127.0.0.1 with the project's production settings."""

    def __init__(self, env, workers=2, port=None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "-c",
                "mesoinfo/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        self.wait_until_up()

    def wait_until_up(self, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if requests.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not become ready: see /readyz (database, keys)")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def pg_ctl(action):
    """Stop or start the throwaway cluster made by scripts/with-postgres."""
    command = [
        f"{os.environ['MESOINFO_PG_BIN']}/pg_ctl",
        "-D",
        os.environ["MESOINFO_PG_DATADIR"],
        "-w",
        "-t",
        "30",
        "-m",
        "fast",
        "-l",
        os.environ["MESOINFO_PG_LOG"],
    ]
    if action == "start":
        command += ["-o", os.environ["MESOINFO_PG_OPTS"]]
    command.append(action)
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def csrf(response):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
    return match.group(1) if match else ""


class Patient:
    """One browser session walking the questionnaire up to the check page."""

    def __init__(self, base_url, name="Load Patient"):
        self.base = base_url
        self.http = requests.Session()
        self.name = name
        self.token = ""

    def post(self, path, data):
        response = self.http.post(
            self.base + path,
            data={**data, "csrfmiddlewaretoken": self.token},
            allow_redirects=False,
            timeout=30,
        )
        return response

    def fill_in(self, **answers):
        page = self.http.get(self.base + "/screening/about-you/", timeout=30)
        self.token = csrf(page)
        statuses = [page.status_code]
        contact = {
            "full_name": self.name,
            "date_of_birth_0": "4",
            "date_of_birth_1": "7",
            "date_of_birth_2": "1988",
            "email": "load@example.com",
        }
        statuses.append(self.post("/screening/about-you/", contact).status_code)
        for step in STEPS:
            statuses.append(
                self.post(f"/screening/{step}/", {**NO_ANSWERS, **answers}).status_code
            )
        return statuses

    def send(self):
        return self.post("/screening/check-your-answers/", {"consent": "on"})


def require(condition, message):
    print(("PASS " if condition else "FAIL ") + message, flush=True)
    if not condition:
        sys.exit(1)


def which(name):
    return shutil.which(name)
