"""The benchmark's arithmetic (the benchmark itself runs with `make bench`)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import bench  # noqa: E402

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
