"""Values read from the shared cache, kept in this process for up to a second.

Each page would otherwise make the same small cache reads (content version,
questionnaire, clinic details) again and again. A change made in this process is seen
at once (call `forget`); a change made in another worker is seen within a second.
"""

import logging
import time

from django.db import transaction

logger = logging.getLogger(__name__)

RECHECK_SECONDS = 1.0
_all = []


class Recent:
    def __init__(self):
        self.value = None
        self.at = 0.0
        _all.append(self)

    def get(self, load):
        now = time.monotonic()
        if self.value is None or now - self.at >= RECHECK_SECONDS:
            self.value = load()
            self.at = now
        return self.value

    def forget(self):
        self.value = None


class Memo(dict):
    """A dict kept in this process that `forget_all` empties too (tests rely on it)."""

    def __init__(self):
        super().__init__()
        _all.append(self)

    def forget(self):
        self.clear()


def forget_all():
    for recent in _all:
        recent.forget()


def now_and_on_commit(action):
    """Run a cache-clearing action now, and again when the current transaction commits,
    in case another worker cached the old value in between."""
    action()
    transaction.on_commit(action)


def after_migrate(action):
    """A post_migrate receiver that runs a cache-clearing action.

    Every release runs `migrate`, and a release can bring new templates or starter
    content reworded by a migration, which send no save signals. A cache that is down
    must not stop the migration, so that is logged instead.
    """

    def receiver(**kwargs):
        try:
            action()
        except Exception:
            logger.warning("could not clear the shared cache after migrating; run migrate again")

    return receiver
