"""A patient's answers while they move through the questionnaire, kept in their session."""

import hashlib
import json
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from screening.models import Section

logger = logging.getLogger(__name__)
KEY = "screening"
SENT_KEY = "screening_sent"
RESULT_KEY = "screening_result"  # the submission this browser may see
STEPS = ["about-you", *Section.ordered()]


def _sent_note(session_key):
    return "screening:sent:" + hashlib.sha256(session_key.encode()).hexdigest()


class ScreeningSession:
    def __init__(self, session, cookie_key=None):
        self.session = session
        self.cookie_key = cookie_key  # the session key the browser sent, if any

    @classmethod
    def of(cls, request):
        return cls(request.session, request.COOKIES.get(settings.SESSION_COOKIE_NAME))

    @property
    def state(self):
        return self.session.get(KEY)

    @property
    def active(self):
        return self.state is not None

    def start(self):
        self.session[KEY] = {"token": str(uuid.uuid4()), "steps": {}}

    @property
    def token(self):
        return self.state["token"]

    def answers_for(self, step):
        return self.state["steps"].get(step, {}) if self.active else {}

    def save_step(self, step, answers):
        self.state["steps"][step] = answers
        self.session.modified = True

    def first_missing_step(self, questionnaire=None):
        """The first step not yet answered, or answered before a question was added to it."""
        done = self.state["steps"] if self.active else {}
        for step in STEPS:
            if step not in done:
                return step
            if questionnaire and step != STEPS[0]:
                asked = {q.key for q in questionnaire.in_section(step)}
                if not asked <= done[step].keys():
                    return step
        return None

    def contact(self):
        return self.answers_for("about-you")

    def answers(self):
        """The health answers of every step, in one dict keyed by question."""
        merged = {}
        for step in Section.ordered():
            merged.update(self.answers_for(step))
        return merged

    def fingerprint(self):
        """A short code for every answer as it is now. The check page carries it, so a
        send after a change made in another tab shows the answers again, not unseen."""
        steps = json.dumps(self.state["steps"], sort_keys=True, default=str)
        return salted_hmac("screening.answers-seen", steps).hexdigest()[:20]

    def finish(self, submission):
        """Forget the answers; remember only which submission this browser may see.

        The session gets a new key and the old one is deleted, so a key known before
        sending cannot open the result. A note outside the sessions, kept as long as the
        result, records that the old key's answers were sent: a second tap on Send made
        before the first tap's reply arrived still carries the old key, and must not be
        told that the answers are lost."""
        old_key = self.session.session_key
        self.session.pop(KEY, None)
        self.session.pop(SENT_KEY, None)
        self.session[RESULT_KEY] = submission.pk
        if old_key:  # before the key goes, so that no request holding it finds neither
            cache.set(_sent_note(old_key), True, settings.SESSION_COOKIE_AGE)
        self.session.cycle_key()

    def start_over(self):
        """A new questionnaire in a browser that has sent one: someone else on the same
        phone must not see the last person's result, nor reuse its session key."""
        self.session.pop(RESULT_KEY, None)
        self.session.pop(SENT_KEY, None)
        self.session.cycle_key()
        self.start()

    def sent_under_old_key(self):
        """True if this browser's answers were sent under a session key since retired.
        The fact is copied into the session this request starts, so the next page (the
        result, after a redirect) still knows it."""
        if self.result_id() is not None:
            return False
        if self.session.get(SENT_KEY):
            return True
        if not self.cookie_key:
            return False
        try:
            noted = cache.get(_sent_note(self.cookie_key)) is not None
        except Exception:  # the cache is down; carry on as Django's session loading does
            logger.warning("Could not look up whether a retired session's answers were sent")
            return False
        if noted:
            self.session[SENT_KEY] = True
        return noted

    def result_id(self):
        return self.session.get(RESULT_KEY)
