"""The production gunicorn settings: each worker moves what it keeps for its lifetime
out of the garbage collector's reach, when loaded and again once warm."""

import gc
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

CONFIG = Path(__file__).resolve().parent.parent / "mesoinfo" / "gunicorn.conf.py"


@pytest.fixture
def config():
    settings = runpy.run_path(str(CONFIG))
    gc.unfreeze()
    yield settings
    gc.unfreeze()


def test_a_loaded_worker_freezes_its_objects(config):
    config["post_worker_init"](SimpleNamespace(nr=0))

    assert gc.get_freeze_count() > 0


def test_a_warm_worker_freezes_its_objects_once(config):
    warm = config["WARM_AFTER_REQUESTS"]
    for answered in range(1, warm):
        config["post_request"](SimpleNamespace(nr=answered), None, {}, None)
    assert gc.get_freeze_count() == 0

    config["post_request"](SimpleNamespace(nr=warm), None, {}, None)
    frozen = gc.get_freeze_count()
    assert frozen > 0

    config["post_request"](SimpleNamespace(nr=warm + 1), None, {}, None)
    assert gc.get_freeze_count() == frozen


def test_gunicorn_keeps_no_access_log_of_addresses_and_query_strings(config):
    assert config["accesslog"] is None
