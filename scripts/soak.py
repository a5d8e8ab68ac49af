"""`make soak`: load, concurrency, database outage and backup drills on loopback.

Runs under scripts/with-postgres (a throwaway PostgreSQL 15 cluster) against gunicorn
with production settings. Every loop is bounded in count and time; exits non-zero on
the first broken promise.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loadkit import (  # noqa: E402
    PYTHON,
    ROOT,
    Patient,
    Server,
    manage,
    pg_ctl,
    prepare,
    production_env,
    require,
)

LOAD_CLIENTS = 50
LOAD_SUBMISSIONS = 1000
TIME_LIMIT = 300


def db_count(env, sql):
    code = (
        "import django; django.setup(); from django.db import connection; "
        f"c = connection.cursor(); c.execute({sql!r}); print(c.fetchone()[0])"
    )
    out = subprocess.run(
        [PYTHON, "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "mesoinfo.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.strip())


def load_test(server, env):
    """1,000 distinct submissions from 50 concurrent patients: none lost, none doubled."""
    before = db_count(env, "SELECT COUNT(*) FROM screening_submission")
    started = time.time()
    latencies, errors, lock = [], [], threading.Lock()

    def one_patient(n):
        if time.time() - started > TIME_LIMIT:
            return "timeout"
        patient = Patient(server.url, name=f"Load Patient {n}")
        statuses = patient.fill_in(pregnant="yes" if n % 3 == 0 else "no")
        t0 = time.time()
        sent = patient.send()
        with lock:
            latencies.append(time.time() - t0)
            errors.extend(s for s in [*statuses, sent.status_code] if s >= 500)
        return sent.headers.get("Location", str(sent.status_code))

    with ThreadPoolExecutor(max_workers=LOAD_CLIENTS) as pool:
        outcomes = list(pool.map(one_patient, range(LOAD_SUBMISSIONS)))
    stored = db_count(env, "SELECT COUNT(*) FROM screening_submission") - before
    distinct = db_count(env, "SELECT COUNT(DISTINCT token) FROM screening_submission") - before
    p95 = statistics.quantiles(latencies, n=20)[-1]
    print(
        f"load: {LOAD_SUBMISSIONS} submissions from {LOAD_CLIENTS} clients in "
        f"{time.time() - started:.0f}s; stored {stored}, lost {LOAD_SUBMISSIONS - stored}, "
        f"duplicated {stored - distinct}, 5xx {len(errors)}, send p95 {p95 * 1000:.0f} ms"
    )
    sent_to_result = outcomes.count("/screening/your-result/")
    require(sent_to_result == LOAD_SUBMISSIONS, f"{sent_to_result} sent to their result page")
    require(stored == LOAD_SUBMISSIONS and distinct == stored, "1000 rows, 0 lost, 0 duplicated")
    require(not errors, "zero 5xx under load")


def same_submission_race(server, env):
    """The same questionnaire sent by 20 clients at once makes one row."""
    patient = Patient(server.url, name="Race Patient")
    patient.fill_in()
    before = db_count(env, "SELECT COUNT(*) FROM screening_submission")
    barrier = threading.Barrier(20)

    def send(_):
        barrier.wait()
        return patient.send().status_code

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(send, range(20)))
    made = db_count(env, "SELECT COUNT(*) FROM screening_submission") - before
    print(
        f"race: 20 simultaneous sends of one questionnaire -> statuses {sorted(set(statuses))}, "
        f"rows made {made}"
    )
    require(made == 1 and all(s in (302, 303) for s in statuses), "one row, no errors")


def database_outage(server):
    """PostgreSQL stops mid-run: public pages keep serving, the questionnaire says 503 and
    keeps the answers, and the first submission after it returns succeeds."""
    topic = requests.get(server.url + "/topics/aftercare/", timeout=10)
    require(topic.status_code == 200, "topic page served before the outage")
    patient = Patient(server.url, name="Outage Patient")
    patient.fill_in(medicines="ZZOUTAGE-KEPT")
    pg_ctl("stop")
    try:
        t0 = time.time()
        health = requests.get(server.url + "/readyz", timeout=10)
        took = time.time() - t0
        require(health.status_code == 503 and took <= 3, f"readyz 503 in {took:.1f}s")
        cached = requests.get(server.url + "/topics/aftercare/", timeout=10)
        require(cached.status_code == 200, "cached topic page still served while down")
        sent = patient.send()
        require(sent.status_code == 503, f"questionnaire send answers 503 ({sent.status_code})")
        require("ZZOUTAGE-KEPT" in sent.text, "the patient's answers are still on screen")
        require(sent.headers.get("Retry-After") == "30", "Retry-After tells when to try again")
    finally:
        pg_ctl("start")
    again = patient.send()
    require(again.status_code == 302, "next submission after PostgreSQL returns succeeds")


TABLES = [
    "screening_submission",
    "screening_raisedflag",
    "screening_review",
    "screening_auditevent",
    "content_topic",
    "screening_question",
    "auth_user",
]


def checksums(database_url):
    sums = {}
    for table in TABLES:
        digest = "COALESCE(md5(string_agg(t::text, '|' ORDER BY id)), '')"
        sql = f"SELECT COUNT(*) || ':' || {digest} FROM {table} t"  # noqa: S608 # nosec
        out = subprocess.run(
            ["psql", database_url, "-At", "-c", sql], capture_output=True, text=True, check=True
        )
        sums[table] = out.stdout.strip()
    return sums


def backup_and_restore(env):
    """pg_dump / pg_restore of 10,000 submissions and their audit trail, then the app runs."""
    manage(env, "seed_submissions", "10000", "--fake-data-ok", "--audit-events", "2000")
    source = os.environ["DATABASE_URL"]
    restored = source.rsplit("/", 1)[0] + "/mesoinfo_restored"
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "mesoinfo.dump"
        os.umask(0o077)
        subprocess.run(["pg_dump", "-Fc", "-f", str(dump), source], check=True)
        mode = oct(dump.stat().st_mode & 0o777)
        subprocess.run(
            [
                "createdb",
                "-h",
                "127.0.0.1",
                "-p",
                os.environ["MESOINFO_PG_PORT"],
                "-U",
                "mesoinfo",
                "mesoinfo_restored",
            ],
            check=True,
        )
        t0 = time.time()
        subprocess.run(
            ["pg_restore", "--exit-on-error", "--single-transaction", "-d", restored, str(dump)],
            check=True,
        )
        took = time.time() - t0
    before, after = checksums(source), checksums(restored)
    rows = before["screening_submission"].split(":")[0]
    print(
        f"backup: {rows} submissions, dump mode {mode}, restore {took:.1f}s; "
        f"{len(TABLES)} tables compared"
    )
    require(before == after, "row counts and checksums identical after restore")
    require(mode == "0o600", "the dump is readable by its owner only")
    restored_env = {**env, "DATABASE_URL": restored}
    manage(restored_env, "verify_audit_chain")
    # Starting waits for /readyz, which also decrypts the newest restored flags.
    with Server(restored_env, workers=1) as server:
        page = requests.get(server.url + "/topics/", timeout=10)
        require(page.status_code == 200, "the app runs on the restored copy; its key opens it")


def main():
    require("DATABASE_URL" in os.environ, "running under scripts/with-postgres")
    env = production_env()
    prepare(env)
    started = time.time()
    with Server(env, workers=3) as server:
        load_test(server, env)
        same_submission_race(server, env)
        database_outage(server)
    backup_and_restore(env)
    print(f"soak: all drills passed in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
