"""Rate-limit counts on the file cache (no REDIS_URL) last their window, not Django's
default 5-minute timeout."""

import time

import pytest
from django.core.cache import caches

from mesoinfo.cache import count_hit, seconds_left


@pytest.fixture
def file_cache(settings, tmp_path, monkeypatch):
    backend = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache"}
    settings.CACHES = {
        "default": {**backend, "LOCATION": str(tmp_path / "default")},
        "sessions": {**backend, "LOCATION": str(tmp_path / "sessions")},
    }
    clock = [1_800_000_000.0]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    return caches["default"], clock


def test_a_steady_trickle_of_hits_starts_a_new_count_when_the_hour_is_up(file_cache):
    cache, clock = file_cache
    counts = []
    for _ in range(20):  # one every 200 seconds, for 4,000 seconds
        counts.append(count_hit(cache, "hits", 3600))
        clock[0] += 200
    assert counts == [*range(1, 19), 1, 2]


def test_hits_minutes_apart_add_up_within_the_hour(file_cache):
    cache, clock = file_cache
    count_hit(cache, "hits", 3600)
    count_hit(cache, "hits", 3600)
    clock[0] += 400  # past Django's default 5-minute timeout
    assert count_hit(cache, "hits", 3600) == 3
    assert cache.get("hits") == 3


def test_seconds_left_counts_down_to_the_end_of_the_window(file_cache):
    cache, clock = file_cache
    assert seconds_left(cache, "hits") == 0
    count_hit(cache, "hits", 3600)
    clock[0] += 1000.5
    count_hit(cache, "hits", 3600)
    assert seconds_left(cache, "hits") == 2600
    clock[0] += 2600
    assert seconds_left(cache, "hits") == 0
