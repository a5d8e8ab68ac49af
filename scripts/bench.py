"""`make bench`: requests per second and latency of MesoInfo's pages under gunicorn with
production settings on PostgreSQL, as ratios to a static file served by the same stack.

Runs under scripts/with-postgres. Loopback only, 8 connections, bounded in time; stops
every process it started. Prints a table, writes bench/results/latest.json, and ends with
one line of name=ratio pairs.
"""

import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cpumeter import CpuMeter  # noqa: E402
from loadkit import (  # noqa: E402
    ROOT,
    Patient,
    Server,
    csrf,
    free_port,
    manage,
    prepare,
    production_env,
)

DURATION = int(os.environ.get("BENCH_SECONDS", "6"))
CONNECTIONS = 8
# More prepared sessions than a run can send: a resent session would be answered with a
# quick redirect to its result and flatter the figure (checked in measure_submit).
SUBMISSION_SESSIONS = int(os.environ.get("BENCH_SUBMISSIONS", "7000"))
RESULTS = ROOT / "bench" / "results"
# Set once the server is up: each measurement then also says where its CPU time went.
METER = None
STAFF = ("bench.clinician", "bench password for loopback only 1")
POST_LUA = """
-- Each wrk thread takes every second prepared session, starting at its own id (set by
-- setup() as a global in that thread), so no two requests send the same questionnaire.
local sessions, n, step = {}, 0, 1
local counter = 0
function setup(thread) thread:set("id", counter); counter = counter + 1 end
function init(args)
  step = tonumber(os.getenv("BENCH_THREADS"))
  for line in io.lines(os.getenv("BENCH_SESSIONS")) do table.insert(sessions, line) end
end
function request()
  local index = (n * step + id) % #sessions + 1
  n = n + 1
  local session, token = sessions[index]:match("(%S+) (%S+)")
  return wrk.format("POST", "/screening/check-your-answers/", {
    ["Cookie"] = "sessionid=" .. session .. "; csrftoken=" .. token,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Referer"] = wrk.scheme .. "://" .. wrk.host .. ":" .. wrk.port .. "/",
  }, "consent=on&csrfmiddlewaretoken=" .. token)
end
"""


def wrk(url, headers=(), script=None, env=None):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", "--timeout", "5s"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    before = METER.snapshot() if METER else None
    out = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, env=env or os.environ
    ).stdout
    result = parse_wrk(out)
    if before:
        result["cpu_ms"] = METER.per_request(before, METER.snapshot(), result["requests"])
    return result


def parse_wrk(out):
    def seconds(text):
        match = re.match(r"([\d.]+)(us|ms|s|m)$", text)
        if match is None:
            raise ValueError(f"cannot read a latency from wrk's output:\n{out}")
        value, unit = match.groups()
        return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1, "m": 60}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": seconds(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)) * 1000,
        "p99_ms": seconds(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)) * 1000,
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": sum(map(int, socket.groups())) if socket else 0,
    }


def staff_cookie(server):
    """Sign in with password and TOTP through the real pages; returns the Cookie header."""
    from django_otp.oath import totp

    http = requests.Session()
    page = http.get(server.url + "/staff/login/")
    form = {"username": STAFF[0], "password": STAFF[1], "csrfmiddlewaretoken": csrf(page)}
    page = http.post(server.url + "/staff/login/", data=form)
    secret = re.search(r'class="secret">([A-Z2-7]+)<', page.text).group(1)
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    form = {"token": f"{totp(key):06d}", "csrfmiddlewaretoken": csrf(page)}
    page = http.post(server.url + "/staff/two-factor/?next=/staff/", data=form)
    assert page.url.endswith("/staff/"), "staff sign-in failed"
    return "Cookie: " + "; ".join(f"{k}={v}" for k, v in http.cookies.items())


def make_staff(env):
    code = (
        "import django; django.setup(); from django.contrib.auth.models import User, Group; "
        f"u = User.objects.create_user({STAFF[0]!r}, password={STAFF[1]!r}); "
        "u.groups.set(Group.objects.filter(name='Clinician'))"
    )
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", code],
        cwd=ROOT,
        check=True,
        env={**env, "DJANGO_SETTINGS_MODULE": "mesoinfo.settings"},
    )


def ready_sessions(server, count):
    """Patients with every step answered, waiting on the check page: one per POST."""

    def one(n):
        patient = Patient(server.url, name=f"Bench Patient {n}")
        patient.fill_in(pregnant="yes" if n % 3 == 0 else "no")
        return f"{patient.http.cookies['sessionid']} {patient.token}"

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(one, range(count)))


def submissions(env):
    code = (
        "import django; django.setup(); from screening.models import Submission; "
        "print(Submission.objects.count())"
    )
    out = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", code],
        cwd=ROOT,
        check=True,
        env={**env, "DJANGO_SETTINGS_MODULE": "mesoinfo.settings"},
        capture_output=True,
        text=True,
    )
    return int(out.stdout)


def static_url(server):
    return server.url + re.search(
        r'href="(/static/css/site\.[0-9a-f]+\.css)"',
        requests.get(server.url + "/", timeout=10).text,
    ).group(1)


def measure_pages(server, env, results):
    results["static"] = wrk(static_url(server))
    results["home"] = wrk(server.url + "/")
    results["topics"] = wrk(server.url + "/topics/")
    topic = server.url + "/topics/who-should-not-have-it/"
    results["topic"] = wrk(topic)
    etag = requests.get(topic, timeout=10).headers["ETag"]
    results["topic_304"] = wrk(topic, headers=[f"If-None-Match: {etag}"])
    results["step"] = wrk(server.url + "/screening/about-you/")


def measure_submit(server, env, results):
    with tempfile.TemporaryDirectory() as folder:
        sessions = Path(folder) / "sessions.txt"
        sessions.write_text("\n".join(ready_sessions(server, SUBMISSION_SESSIONS)) + "\n")
        script = Path(folder) / "post.lua"
        script.write_text(POST_LUA)
        before = submissions(env)
        run_env = {**os.environ, "BENCH_SESSIONS": str(sessions), "BENCH_THREADS": "2"}
        result = wrk(
            server.url + "/screening/check-your-answers/", script=str(script), env=run_env
        )
    stored = submissions(env) - before
    if result["requests"] > SUBMISSION_SESSIONS:
        raise SystemExit(
            f"{result['requests']} POSTs but only {SUBMISSION_SESSIONS} prepared sessions: "
            "raise BENCH_SUBMISSIONS so every POST sends a new questionnaire"
        )
    result["stored"] = stored
    result["expected"] = min(result["requests"], SUBMISSION_SESSIONS)
    results["submit"] = result


def measure_staff(server, results, suffix, cookie, reference):
    # The static file again, just before each size's staff pages: the machine's speed
    # drifts over a run (other work on shared cores), and the growth figures compare the
    # two sizes each against the baseline measured beside it.
    results[f"static_{suffix}"] = wrk(static_url(server))
    if suffix == "1k":
        # Not a target: a signed-in request that does no page work (the second-factor page
        # sends a verified user straight on), to show what the middleware alone costs.
        results["staff_floor"] = wrk(server.url + "/staff/two-factor/", headers=[cookie])
    results[f"queue_{suffix}"] = wrk(server.url + "/staff/", headers=[cookie])
    filtered = server.url + "/staff/?flag=pregnancy&status=new&consult=week"
    results[f"queue_filtered_{suffix}"] = wrk(filtered, headers=[cookie])
    page = f"{server.url}/staff/submissions/{reference}/"
    results[f"submission_{suffix}"] = wrk(page, headers=[cookie])


def a_reference(env):
    code = (
        "import django; django.setup(); from screening.models import Submission; "
        "print(Submission.objects.filter(flagged=True).latest('id').reference)"
    )
    return subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", code],
        cwd=ROOT,
        check=True,
        env={**env, "DJANGO_SETTINGS_MODULE": "mesoinfo.settings"},
        capture_output=True,
        text=True,
    ).stdout.strip()


def growth(results, page):
    """Throughput at 100,000 submissions over that at 1,000, each first divided by the
    static file's figure measured just before it."""

    def relative(size):
        return results[f"{page}_{size}"]["rps"] / results[f"static_{size}"]["rps"]

    return relative("100k") / relative("1k")


def report(results, seconds):
    base = results["static"]["rps"]
    print(f"\n{'page':<24}{'req/s':>9}{'ratio':>8}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name, r in results.items():
        print(
            f"{name:<24}{r['rps']:>9.0f}{r['rps'] / base:>8.2f}{r['p50_ms']:>9.1f}"
            f"{r['p99_ms']:>9.1f}{r['errors'] + r['socket_errors']:>8}"
        )
    report_cpu(results)
    submit = results["submit"]
    lost = max(0, submit["expected"] - submit["stored"])
    in_flight = max(0, submit["stored"] - submit["expected"])
    print(
        f"\nsubmissions: {submit['requests']} POSTs answered, {submit['stored']} stored "
        f"({f'{lost} LOST' if lost else 'none lost'}; {in_flight} more were in flight when "
        f"wrk stopped), {submit['errors']} errors; run took {seconds:.0f}s"
    )
    ratios = {name: r["rps"] / base for name, r in results.items() if name != "static"}
    for page in ("queue", "submission"):
        ratios[f"{page}_growth"] = growth(results, page)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(
        json.dumps({"results": results, "ratios": ratios}, indent=2)
    )
    print(" ".join(f"{name}={value:.2f}" for name, value in ratios.items()))


CPU_PARTS = ("app", "database", "cache", "wrk", "other")


def report_cpu(results):
    """CPU time per request by part: what each page costs the two cores."""
    print(f"\nCPU ms per request{''.join(f'{part:>10}' for part in CPU_PARTS)}{'total':>10}")
    for name, r in results.items():
        cpu = r.get("cpu_ms")
        if cpu:
            parts = "".join(f"{cpu[part]:>10.2f}" for part in CPU_PARTS)
            print(f"{name:<18}{parts}{sum(cpu.values()):>10.2f}")


def postmaster_pid():
    """The throwaway cluster's server process (scripts/with-postgres)."""
    pid_file = Path(os.environ["MESOINFO_PG_DATADIR"]) / "postmaster.pid"
    return int(pid_file.read_text().split("\n", 1)[0])


def start_redis():
    """A throwaway Redis on loopback: production's shared cache and session store."""
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(50):
        if (
            subprocess.run(
                ["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True
            ).stdout.strip()
            == "PONG"
        ):
            return process, f"redis://127.0.0.1:{port}/0"
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("redis-server did not start")


def main():
    redis, redis_url = start_redis()
    try:
        run(redis_url, redis.pid)
    finally:
        redis.terminate()
        redis.wait(10)


def run(redis_url, redis_pid):
    global METER
    started = time.time()
    env = production_env(REDIS_URL=redis_url)
    prepare(env)
    make_staff(env)
    manage(env, "seed_submissions", "1000", "--fake-data-ok")
    results = {}
    with Server(env, workers=2) as server:
        METER = CpuMeter(app=server.process.pid, database=postmaster_pid(), cache=redis_pid)
        cookie = staff_cookie(server)
        measure_pages(server, env, results)
        measure_staff(server, results, "1k", cookie, a_reference(env))
        measure_submit(server, env, results)
        manage(env, "seed_submissions", "99000", "--fake-data-ok", "--seed", "8")
        subprocess.run(["psql", os.environ["DATABASE_URL"], "-qc", "VACUUM ANALYZE"], check=True)
        measure_staff(server, results, "100k", cookie, a_reference(env))
    report(results, time.time() - started)


if __name__ == "__main__":
    main()
