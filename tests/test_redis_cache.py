"""Production's Redis cache and session store, against a real throwaway redis-server."""

import os
import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import caches
from django.test import override_settings

from screening import limits
from staff import queue

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def redis_url():
    if not shutil.which("redis-server"):
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is missing (apt-get install redis-server)")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


@pytest.fixture
def redis_caches(redis_url):
    backend = {"BACKEND": "mesoinfo.cache.ReusingRedisCache", "LOCATION": redis_url}
    with override_settings(CACHES={"default": backend, "sessions": backend}):
        caches["default"].clear()
        yield caches


def test_redis_cache_stores_counts_and_forgets(redis_caches):
    cache = redis_caches["default"]
    cache.set("greeting", {"text": "hello"}, 60)
    assert cache.get("greeting") == {"text": "hello"}
    assert cache.add("counter", 1, 60) and not cache.add("counter", 5, 60)
    assert cache.incr("counter") == 2
    cache.delete("greeting")
    assert cache.get("greeting") is None


def test_redis_cache_reuses_one_client_per_pool(redis_caches):
    client = redis_caches["default"]._cache
    assert client.get_client(write=True) is client.get_client(write=True)


def test_session_survives_a_key_change_in_redis(redis_caches):
    from mesoinfo.sessions import SessionStore

    session = SessionStore()
    session["screening_result"] = 42
    session.save()
    old_key = session.session_key
    session.cycle_key()
    assert session.session_key != old_key
    assert SessionStore(session.session_key)["screening_result"] == 42
    assert not SessionStore().exists(old_key)


def test_a_request_still_holding_the_old_key_cannot_revive_it_after_sending(redis_caches):
    from types import SimpleNamespace

    from django.contrib.sessions.backends.base import UpdateError

    from mesoinfo.sessions import SessionStore
    from screening.session import ScreeningSession

    first = SessionStore()
    first["screening"] = {"token": "t", "steps": {}}
    first.save()
    old_key = first.session_key
    other_tab, sending = SessionStore(old_key), SessionStore(old_key)
    assert other_tab["screening"]["token"] == "t"  # loaded before the send
    ScreeningSession(sending).finish(SimpleNamespace(pk=42))
    sending.save()
    other_tab["screening"]["steps"]["treatment"] = {"area": "face"}
    with pytest.raises(UpdateError):  # Django answers 400; the answers stay gone
        other_tab.save()
    assert not SessionStore().exists(old_key)
    assert ScreeningSession(SessionStore(old_key), old_key).sent_under_old_key()


def test_a_send_landing_just_before_another_tabs_write_is_not_undone(redis_caches, monkeypatch):
    """Django's own update checks that the key exists, then writes it: a send that
    deletes the key between the two would be undone, and the answers would be back
    under a key that can open the result. Here the send lands just before the write,
    after any check."""
    from django.contrib.sessions.backends.base import UpdateError

    from mesoinfo.sessions import SessionStore

    first = SessionStore()
    first["screening"] = {"token": "t", "steps": {}}
    first.save()
    other_tab = SessionStore(first.session_key)
    other_tab["screening"]["steps"]["treatment"] = {"area": "face"}
    sessions = redis_caches["sessions"]

    def send_lands_first(write):
        def write_after_the_send(key, *args, **kwargs):
            sessions.delete(key)
            return write(key, *args, **kwargs)

        return write_after_the_send

    for name in ("set", "set_if_present"):
        monkeypatch.setattr(sessions, name, send_lands_first(getattr(sessions, name)))
    with pytest.raises(UpdateError):
        other_tab.save()
    monkeypatch.undo()
    assert not SessionStore().exists(first.session_key)


def test_rate_counter_counts_in_one_window_and_always_expires(redis_caches):
    from mesoinfo.cache import count_hit

    cache = redis_caches["default"]
    assert [count_hit(cache, "rate:a", 60) for _ in range(3)] == [1, 2, 3]
    client = cache._cache.get_client(write=True)
    assert 0 < client.ttl(cache.make_and_validate_key("rate:a")) <= 60
    assert count_hit(cache, "rate:b", 60) == 1


def test_rate_counter_left_without_expiry_by_a_race_gets_one(redis_caches):
    from mesoinfo.cache import count_hit

    cache = redis_caches["default"]
    client = cache._cache.get_client(write=True)
    key = cache.make_and_validate_key("rate:race")
    client.set(key, 4)  # what INCR leaves when the key expired just after SET NX
    assert count_hit(cache, "rate:race", 60) == 5
    assert 0 < client.ttl(key) <= 60


def test_rate_counter_works_with_other_cache_backends():
    from django.core.cache import cache

    from mesoinfo.cache import count_hit

    assert [count_hit(cache, "rate:c", 60) for _ in range(3)] == [1, 2, 3]


def test_new_session_key_is_written_once_and_kept(redis_caches):
    from mesoinfo.sessions import SessionStore

    session = SessionStore()
    session["step"] = 1
    session.cycle_key()
    session["step"] = 2
    session.save()
    assert SessionStore(session.session_key)["step"] == 2


def test_the_default_cache_proxy_counts_without_django_incrs_exists_check(redis_caches):
    from django.core.cache import cache

    from mesoinfo.cache import count_hit

    client = redis_caches["default"]._cache.get_client(write=True)

    def exists_calls():
        return client.info("commandstats").get("cmdstat_exists", {}).get("calls", 0)

    before = exists_calls()
    assert [count_hit(cache, "rate:d", 60) for _ in range(2)] == [1, 2]
    assert exists_calls() == before


def test_the_clinic_wide_send_count_is_shared_in_redis_and_read_by_the_queue(
    redis_caches, settings, rf
):
    settings.SCREENING_CLINIC_SUBMISSIONS_PER_HOUR = 1
    outcomes = [limits.limit_reached(rf.post("/", REMOTE_ADDR=f"198.51.100.{n}")) for n in (1, 2)]
    assert outcomes == [None, limits.CLINIC]
    assert limits.clinic_limit_reached()
    assert limits.clinic_limit_reached(queue.cached_state())  # read with the counts
    wait = limits.seconds_to_wait(rf.post("/"), limits.CLINIC)
    assert 3590 <= wait <= 3600


def test_seconds_left_in_a_redis_window_is_its_time_to_live(redis_caches):
    from mesoinfo.cache import count_hit, seconds_left

    cache = redis_caches["default"]
    assert seconds_left(cache, "rate:e") == 0
    count_hit(cache, "rate:e", 600)
    assert 590 <= seconds_left(cache, "rate:e") <= 600
