"""A patient's answers while they move through the questionnaire, kept in their session."""

import uuid

from screening.models import Section

KEY = "screening"
# What the key in use before sending still says, and for how long (see finish).
SENT_KEY = "screening_sent"
SENT_KEPT_FOR = 30 * 60
STEPS = ["about-you", *Section.ordered()]


class ScreeningSession:
    def __init__(self, session):
        self.session = session

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

    def finish(self, submission):
        """Forget the answers; remember only which submission this browser may see.

        The session gets a new key, so a key known before sending cannot open the result.
        The old key is left saying only that the answers were sent: a second tap on Send
        made before the first tap's reply arrived still carries it, and must not be told
        that the answers are lost."""
        self.session.pop(KEY, None)
        self.session["screening_result"] = submission.pk
        self.session.cycle_key(leave_behind={SENT_KEY: True}, keep_for=SENT_KEPT_FOR)

    @property
    def sent_under_old_key(self):
        """These answers were sent, and the result went to a newer session key."""
        return bool(self.session.get(SENT_KEY)) and self.result_id() is None

    def result_id(self):
        return self.session.get("screening_result")
