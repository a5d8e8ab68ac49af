"""The benchmark's arithmetic (the benchmark itself runs with `make bench`)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import bench  # noqa: E402
import cpumeter  # noqa: E402

WRK_OUTPUT = """Running 6s test @ http://127.0.0.1:8000/staff/
  Latency Distribution
     50%   20.10ms
     75%   25.00ms
     90%   30.00ms
     99%  410.50us
  2220 requests in 6.00s, 30.12MB read
  Non-2xx or 3xx responses: 3
Requests/sec:    370.02
"""


def test_wrk_output_is_read_in_milliseconds():
    figures = bench.parse_wrk(WRK_OUTPUT)
    assert figures["rps"] == 370.02
    assert round(figures["p50_ms"], 4) == 20.1
    assert round(figures["p99_ms"], 4) == 0.4105
    assert (figures["requests"], figures["errors"], figures["socket_errors"]) == (2220, 3, 0)


def test_growth_compares_each_size_with_the_baseline_measured_beside_it():
    results = {
        "static_1k": {"rps": 5000},
        "queue_1k": {"rps": 500},
        "static_100k": {"rps": 4000},  # the machine slowed down by a fifth
        "queue_100k": {"rps": 400},
    }
    assert bench.growth(results, "queue") == pytest.approx(1.0)


def test_cpu_time_is_shared_among_the_requests_and_the_rest_is_other():
    before = {"app": 1.0, "database": 2.0, "cache": 0.0, "wrk": 0.5, "all": 10.0}
    after = {"app": 2.0, "database": 2.5, "cache": 0.1, "wrk": 0.6, "all": 12.0}
    per_request = cpumeter.CpuMeter.per_request(before, after, 200)
    assert per_request == pytest.approx(
        {"app": 5.0, "database": 2.5, "cache": 0.5, "wrk": 0.5, "other": 1.5}
    )


def test_this_process_is_found_in_its_own_family():
    sum(range(2_000_000))  # some CPU time of its own
    assert 0 < cpumeter.family_seconds({os.getpid()}) <= cpumeter.host_busy_seconds()


def test_a_child_that_has_ended_is_still_counted():
    before = cpumeter.family_seconds({os.getpid()})
    subprocess.run([sys.executable, "-c", "sum(range(20_000_000))"], check=True)
    assert cpumeter.family_seconds({os.getpid()}) - before >= 0.1
