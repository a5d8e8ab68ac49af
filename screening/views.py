from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from content.caching import content_version
from content.models import FLAGS_TOPIC_SLUG, Clinic
from screening import consent, limits, services
from screening.forms import ConsentForm, ContactForm, QuestionsForm
from screening.models import Section, Submission
from screening.questionnaire import Questionnaire
from screening.session import STEPS, ScreeningSession

private = [never_cache, sensitive_post_parameters()]
_blank_pages = {}  # this process's copies; the key holds every version they depend on
TOKEN_SLOT = "csrf-token-slot-9f3a"  # noqa: S105 - a placeholder, replaced per visitor
EXPIRED = (
    "We could not find your answers to the other steps on this device. If you started "
    "earlier, for your privacy your answers are cleared after 2 hours without activity. "
    "We have kept what you typed on the \u201c{page}\u201d page. Please fill in the other "
    "steps."
)
ALREADY_SENT = (
    "You have already sent your answers, so this change was not saved. To change an "
    "answer, phone the clinic on {phone}."
)
NEW_AFTER_SENDING = (
    "You are filling in a new questionnaire. The answers you sent before have reached the clinic."
)


STEP_INTROS = {
    "about-you": "We only ask for what the clinician needs for your consultation.",
    "treatment": "Tell us what you would like help with.",
    "health": "If you are not sure about an answer, choose \u201cNot sure\u201d. "
    "The clinician will check with you.",
}


class StartView(TemplateView):
    template_name = "screening/start.html"
    extra_context = {
        "nav": "screening",
        "retention_days": settings.SCREENING_RETENTION_DAYS,
        "step_count": len(STEPS) + 1,  # the steps, then checking the answers
    }


@method_decorator(private, name="dispatch")
class StepView(TemplateView):
    template_name = "screening/step.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if kwargs["step"] not in STEPS:
            raise Http404
        self.step = kwargs["step"]
        self.screening = ScreeningSession.of(request)

    def get_form(self, data=None):
        if self.step == "about-you":
            initial = ContactForm.initial_from(self.screening.answers_for(self.step))
            return ContactForm(data, initial=initial)
        questions = Questionnaire.current().in_section(self.step)
        return QuestionsForm(questions, data, initial=self.screening.answers_for(self.step))

    def get(self, request, *args, **kwargs):
        # No session yet: it starts with the first answers sent, so a first visit is cheap.
        fresh = not ({settings.SESSION_COOKIE_NAME, "messages"} & request.COOKIES.keys())
        if fresh:
            return self.blank_page()
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def blank_page(self):
        """The empty step as every new visitor sees it, rendered once per questionnaire and
        content version and day; only the CSRF token is filled in per visitor."""
        key = (
            f"screening:blank:{Questionnaire.current().version}:{content_version()}:"
            f"{timezone.localdate()}:{self.request.path}"  # the date: an example date in a hint
        )
        html = _blank_pages.get(key) or cache.get(key)
        if html is None:
            context = self.get_context_data(form=self.get_form(), csrf_token=TOKEN_SLOT)
            html = self.render_to_response(context).render().content.decode()
            cache.set(key, html, 60 * 60 * 24)
        if len(_blank_pages) > 50:
            _blank_pages.clear()
        _blank_pages[key] = html
        return HttpResponse(html.replace(TOKEN_SLOT, get_token(self.request)))

    def post(self, request, *args, **kwargs):
        if not self.screening.active:
            refused = self.begin()
            if refused:
                return refused
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if not self.screening.active:  # About you, in a browser that has sent answers
            self.screening.start_over()
            messages.info(request, NEW_AFTER_SENDING)
        stored = form.stored() if isinstance(form, ContactForm) else form.cleaned_data
        self.screening.save_step(self.step, stored)
        return redirect(self.next_url())

    def begin(self):
        """No questionnaire in progress: say why, and start one unless the answers were
        already sent and this is a later step (Back from the result, or another tab)."""
        sent = self.screening.result_id() or self.screening.sent_under_old_key()
        if sent and self.step != STEPS[0]:
            messages.warning(self.request, ALREADY_SENT.format(phone=Clinic.load().phone))
            return redirect("screening:result")
        if not sent:
            self.screening.start()
            if self.step != STEPS[0]:
                messages.warning(self.request, EXPIRED.format(page=self.title))
        # After sending, About you starts a new questionnaire, but only once it is valid:
        # a mistaken empty Continue must not cost the patient their result.
        return None

    def next_url(self):
        if self.request.GET.get("return") == "check":
            return reverse("screening:check")
        missing = self.screening.first_missing_step()
        if missing is None:
            return reverse("screening:check")
        return reverse("screening:step", args=[missing])

    @property
    def title(self):
        return "About you" if self.step == STEPS[0] else Section(self.step).label

    def get_context_data(self, **kwargs):
        index = STEPS.index(self.step)
        returning = self.request.GET.get("return") == "check"
        back = (
            reverse("screening:check")
            if returning
            else reverse("screening:start")
            if index == 0
            else reverse("screening:step", args=[STEPS[index - 1]])
        )
        return super().get_context_data(
            title=self.title,
            step_number=index + 1,
            step_count=len(STEPS) + 1,
            back_url=back,
            button="Save and go back to check your answers" if returning else "Continue",
            intro=STEP_INTROS.get(self.step, STEP_INTROS["health"]),
            version=Questionnaire.current().version,
            nav="screening",
            **kwargs,
        )


@method_decorator(private, name="dispatch")
class CheckAnswersView(TemplateView):
    template_name = "screening/check.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.screening = ScreeningSession.of(request)
        self.clinic = Clinic.load()

    def dispatch(self, request, *args, **kwargs):
        if not self.screening.active:
            if self.screening.sent_under_old_key():
                return redirect("screening:result")
            if self.screening.result_id():
                messages.info(request, "You have already sent your answers. Here is your result.")
                return redirect("screening:result")
            messages.warning(
                request,
                "We could not find any answers from you on this device. If you started "
                "earlier, they are cleared after a time away. Please start again.",
            )
            return redirect("screening:start")
        missing = self.screening.first_missing_step(Questionnaire.current())
        if missing:
            return redirect("screening:step", missing)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.consent_form()))

    def post(self, request, *args, **kwargs):
        form = self.consent_form(request.POST)
        try:
            return self.send(request, form)
        except DatabaseError:
            return self.unavailable(form)

    def send(self, request, form):
        # A second send of the same answers (a double click, or two tabs) is not looked
        # for here: the token's unique constraint catches it in services.submit, which
        # then returns the first submission.
        if form.is_bot:
            return render(request, "screening/not_accepted.html", status=400)
        # Before the tick box: the page shown again carries the new answers' code, so
        # an unticked box after it does not bring this notice back.
        if form.data.get("answers_seen", "") not in ("", self.screening.fingerprint()):
            context = self.get_context_data(form=self.consent_form(), changed_elsewhere=True)
            return self.render_to_response(context)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        limit = limits.limit_reached(request)
        if limit:
            return self.turned_away(request, limit)
        submission = services.submit(
            questionnaire=Questionnaire.current(),
            session=self.screening,
            clinic_name=self.clinic.name,
            clinic_email=self.clinic.email,
        )
        self.screening.finish(submission)
        return redirect("screening:result")

    def turned_away(self, request, limit):
        wait = limits.seconds_to_wait(request, limit)
        context = {
            "limit": limit,
            "per_hour": settings.SCREENING_SUBMISSIONS_PER_HOUR,
            "try_again_in": limits.try_again_in(wait),
        }
        response = render(request, "screening/rate_limited.html", context, status=429)
        response["Retry-After"] = str(wait)
        return response

    def unavailable(self, form):
        response = self.render_to_response(
            self.get_context_data(form=form, unavailable=True), status=503
        )
        response["Retry-After"] = "30"
        return response

    def consent_form(self, data=None):
        seen = {"answers_seen": self.screening.fingerprint()}
        return ConsentForm(consent.text(self.clinic.name), data, initial=seen)

    def get_context_data(self, **kwargs):
        questionnaire = Questionnaire.current()
        answers = self.screening.answers()
        rows = questionnaire.snapshot(answers)
        return super().get_context_data(
            contact=ContactForm.initial_from(self.screening.contact()),
            sections=[
                (
                    Section(step).label,
                    step,
                    [r for r in rows if r["section"] == Section(step).label],
                )
                for step in Section.ordered()
            ],
            step_count=len(STEPS) + 1,
            nav="screening",
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class ResultView(TemplateView):
    template_name = "screening/result.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.screening = ScreeningSession.of(request)

    def get(self, request, *args, **kwargs):
        if self.screening.result_id() is None:
            # Nothing to show this browser: sent under an older session key, or the
            # session ended (a bookmark, or hours later). Say so kindly, not "not found".
            sent = self.screening.sent_under_old_key()
            return render(
                request,
                "screening/result_not_shown.html",
                {"known_sent": sent, "nav": "screening"},
                status=200 if sent else 404,
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        submission = get_object_or_404(Submission, pk=self.screening.result_id())
        return super().get_context_data(
            submission=submission,
            flags_anchor=reverse("content:topic-detail", args=[FLAGS_TOPIC_SLUG]),
            nav="screening",
            **kwargs,
        )


class ResultPrintView(ResultView):
    template_name = "screening/result_print.html"


@never_cache
@require_POST
def remove_result(request):
    """For a shared phone or computer: the next person cannot open this result. The clinic
    keeps the answers."""
    request.session.flush()
    messages.info(
        request,
        "Your result is no longer shown on this device. The clinic has your answers.",
    )
    return redirect("screening:start")
