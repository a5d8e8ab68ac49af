"""A patient's answers while they move through the questionnaire, kept in their session."""

import uuid

from screening.models import Section

KEY = "screening"
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
        """Forget the answers; remember only which submission this browser may see."""
        self.session.pop(KEY, None)
        self.session["screening_result"] = submission.pk
        self.session.cycle_key()

    def result_id(self):
        return self.session.get("screening_result")
