"""The questionnaire's forms: built from the questions in the database, checked here."""

from datetime import date, timedelta

from crispy_forms_gds.layout import Field, Size
from crispy_forms_gds.widgets import DateInputWidget
from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.html import conditional_escape

from mesoinfo.forms import form_helper, within_limit
from screening import rules
from screening.models import Question

# Long enough for a pasted list of every medicine someone takes. Deliberately not sent to
# the browser as maxlength: browsers cut a longer paste without a word, and the cut-off
# end of a medicines list can be the blood thinner.
TEXT_LIMIT = 5000
TEXT_ROWS = 4  # crispy-forms-gds would make every box 10 rows: a long scroll on a phone


PARTS = ("day", "month", "year")


class DateParts(forms.MultiValueField):
    """A date typed as day, month and year boxes (the GOV.UK date pattern)."""

    widget = DateInputWidget

    def __init__(self, *, name, autocomplete=None, **kwargs):
        self.name = name
        parts = [forms.CharField(required=False) for _ in range(3)]
        kwargs.setdefault("error_messages", {"required": f"Enter your {name.lower()}"})
        super().__init__(fields=parts, require_all_fields=False, **kwargs)
        self.problem_part = 0  # the box (day, month, year) an error is about
        # Phones show a number pad; a birthday can come from the browser's autofill.
        for box, part in zip(self.widget.widgets, PARTS, strict=True):
            box.attrs["inputmode"] = "numeric"
            box.attrs["autocomplete"] = f"{autocomplete}-{part}" if autocomplete else "off"

    def compress(self, parts):
        self.problem_part = 0
        values = tuple((p or "").strip() for p in (parts or ["", "", ""]))
        day, month, year = values
        if not any(values):
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        missing = [n for n, value in enumerate(values) if not value]
        if missing:
            names = " and a ".join(PARTS[n] for n in missing)
            raise self.problem_in(missing[0], f"{self.name} must include a {names}", "incomplete")
        real_date = f"{self.name} must be a real date"
        not_numbers = [n for n, value in enumerate(values) if not value.isdigit()]
        if not_numbers:
            raise self.problem_in(not_numbers[0], real_date, "invalid")
        if len(year) != 4:
            raise self.problem_in(2, "Year must include 4 numbers", "year")
        try:
            return date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise self.problem_in(
                0 if 1 <= int(month) <= 12 else 1, real_date, "invalid"
            ) from None

    def problem_in(self, part, message, code):
        """The error, shown at and linked to the box it is about (GOV.UK's date pattern):
        "must include a month" takes the person to the month box."""
        self.problem_part = part
        return ValidationError(message, code=code)


class ContactForm(forms.Form):
    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        error_messages={
            "required": "Enter your full name",
            "max_length": "Full name must be 150 characters or fewer",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    date_of_birth = DateParts(
        name="Date of birth",
        label="Date of birth",
        autocomplete="bday",
        help_text="For example, 27 3 1985",
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        help_text="We only use this about your consultation.",
        error_messages={"invalid": "Enter an email address like name@example.com"},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=30,
        help_text="Give an email address, a phone number, or both.",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    consult_date = DateParts(
        name="Consultation date",
        label="Date of your consultation (if you know it)",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        example = timezone.localdate() + timedelta(days=30)  # a written date would go stale
        self.fields["consult_date"].help_text = (
            f"For example, {example.day} {example.month} {example.year}. "
            "Leave it empty if you have not booked yet."
        )
        self.helper = form_helper(
            Field.text("full_name", label_size=Size.SMALL),
            Field("date_of_birth", context={"legend_size": Size.for_legend(Size.SMALL)}),
            Field.text("email", label_size=Size.SMALL),
            Field.text("phone", label_size=Size.SMALL, field_width=20),
            Field("consult_date", context={"legend_size": Size.for_legend(Size.SMALL)}),
        )

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not any(map(str.isalpha, name)):  # nothing but spaces, marks or invisible ones
            raise ValidationError("Enter your full name", code="required")
        return name

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born >= today:
            raise ValidationError("Date of birth must be in the past", code="future")
        if born < today.replace(year=today.year - 120):
            self.fields["date_of_birth"].problem_part = 2  # the year box
            raise ValidationError("Check the year of your date of birth", code="too_old")
        return born

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = [c for c in phone if c.isdigit()]
        # 7 to 16 digits (15 at most in an international number, and the "(0)" UK
        # numbers are written with), with spaces, dots, dashes, brackets and a "+".
        if phone and (not 7 <= len(digits) <= 16 or set(phone) - set("0123456789 +-().")):
            raise ValidationError(
                "Enter a phone number, like 07700 900 982 or +44 7700 900 982", code="phone"
            )
        return phone

    def clean_consult_date(self):
        when = self.cleaned_data.get("consult_date")
        today = timezone.localdate()
        if when and when < today:
            raise ValidationError("Consultation date must be today or in the future", code="past")
        if when and when > today + timedelta(days=730):
            raise ValidationError("Consultation date must be within the next 2 years", code="far")
        return when

    def clean(self):
        data = super().clean()
        typed_one = "email" in self.errors or "phone" in self.errors  # has its own message
        if not data.get("email") and not data.get("phone") and not typed_one:
            self.add_error(
                "email",
                ValidationError("Enter an email address or a phone number", code="contact"),
            )
        return data

    def stored(self):
        """The cleaned data, as the session can keep it."""
        return {
            key: value.isoformat() if isinstance(value, date) else value
            for key, value in self.cleaned_data.items()
        }

    @staticmethod
    def initial_from(stored):
        return {
            key: date.fromisoformat(value) if key.endswith("date") or key == "date_of_birth"
            else value
            for key, value in stored.items()
            if value not in (None, "")
        }  # fmt: skip


def _yes_no_field(question):
    message = f"Select yes, no or not sure for: {question.text}"
    return forms.ChoiceField(
        choices=rules.YES_NO_CHOICES,
        widget=forms.RadioSelect,
        # Django %-formats the invalid-choice message with the value sent: double any "%".
        error_messages={"required": message, "invalid_choice": message.replace("%", "%%")},
    )


def _choice_field(question):
    return forms.ChoiceField(
        choices=question.choice_list(),
        widget=forms.RadioSelect,
        error_messages={
            "required": f"Select an answer for: {question.text}",
            # Django %-formats this message with the value sent: double an admin's "%".
            "invalid_choice": f"Select one of the answers for: {question.text.replace('%', '%%')}",
        },
    )


def _text_field(question, asks=None):
    box = f"your answer to \u201c{first_question(asks or question.text)}\u201d"
    return forms.CharField(
        required=False,
        validators=[within_limit(TEXT_LIMIT, box)],
        widget=forms.Textarea,
    )


FIELD_FOR_KIND = {
    Question.Kind.YES_NO: _yes_no_field,
    Question.Kind.CHOICE: _choice_field,
    Question.Kind.TEXT: _text_field,
}
LAYOUT_FOR_KIND = {
    Question.Kind.YES_NO: lambda name: Field.radios(name, legend_size=Size.SMALL, inline=True),
    Question.Kind.CHOICE: lambda name: Field.radios(name, legend_size=Size.SMALL),
    Question.Kind.TEXT: lambda name: Field.textarea(name, label_size=Size.SMALL, rows=TEXT_ROWS),
}


class QuestionsForm(forms.Form):
    """One step of health questions, built from the questionnaire's data."""

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        layout = []
        for question in questions:
            field = FIELD_FOR_KIND[question.kind](question)
            # crispy-forms-gds prints labels and hints unescaped; the wording comes from
            # the admin, who may also break a hint into lines.
            field.label = conditional_escape(question.text)
            field.help_text = linebreaksbr(question.help_text, autoescape=True)
            self.fields[question.key] = field
            layout.append(LAYOUT_FOR_KIND[question.kind](question.key))
            if question.follow_up:
                self.fields[f"{question.key}_details"] = _text_field(question, question.follow_up)
                self.fields[f"{question.key}_details"].label = conditional_escape(
                    question.follow_up_label()
                )
                layout.append(Field.textarea(f"{question.key}_details", rows=TEXT_ROWS))
        self.helper = form_helper(*layout)

    def clean(self):
        data = super().clean()
        for question in self.questions:
            details = f"{question.key}_details"
            if question.follow_up and details not in self.errors:
                error = follow_up_error(question, data.get(question.key), data.get(details, ""))
                if error:
                    self.add_error(details, error)
        for box in empty_detail_boxes(self.questions, data):
            if box.key not in self.errors:
                self.add_error(box.key, details_wanted(box.text))
        return data


def follow_up_error(question, answer, details):
    """A "yes" or "not sure" (or "other") needs its details. (A "no" with details is
    accepted: the rules count it as unclear and raise the flag, so nothing typed is
    thrown away.)"""
    if question.follow_up_wanted(answer) and not details.strip():
        return details_wanted(question.follow_up)
    return None


def empty_detail_boxes(questions, data):
    """Free-text questions of a flag (such as "What are you allergic to?") left empty
    although a yes / no question of the same flag on this step was answered yes or not
    sure: the clinician needs the details, as a follow-up box would ask."""
    said_yes = {
        q.contraindication_id
        for q in questions
        if q.kind == Question.Kind.YES_NO
        and q.contraindication_id is not None
        and q.follow_up_wanted(data.get(q.key))
    }
    return [
        q
        for q in questions
        if q.kind == Question.Kind.TEXT
        and q.contraindication_id in said_yes
        and not (data.get(q.key) or "").strip()
    ]


def details_wanted(asks):
    return ValidationError(
        f"Answer \u201c{first_question(asks)}\u201d, or write \u201cI don't know\u201d",
        code="follow_up",
    )


def first_question(text):
    """ "Which ones? If you do not know the name, ..." -> "Which ones?": short enough for
    an error message that must say which box it is about."""
    head, mark, _ = text.partition("?")
    return head + mark if mark else text


class TickBox(forms.CheckboxInput):
    """Only what a ticked box sends counts as a tick. Django's own checkbox reads any other
    text, "off" and "0" included, as ticked; consent must be explicit."""

    TICKED = {"on", "true", "yes", "1"}

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        return isinstance(value, str) and value.strip().lower() in self.TICKED


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        widget=TickBox(attrs={"class": "govuk-checkboxes__input"}),
        error_messages={"required": "Tick the box to agree, so we can use your answers"},
    )
    # The answers the page showed (ScreeningSession.fingerprint); empty on a page from
    # before this field, which is sent as before.
    answers_seen = forms.CharField(required=False, widget=forms.HiddenInput)
    # A field people never see; bots that fill in every field give themselves away.
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, consent_text, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = conditional_escape(consent_text)
        self.helper = form_helper(Field.checkbox("consent"))

    @property
    def is_bot(self):
        return bool(self.data.get("website"))
