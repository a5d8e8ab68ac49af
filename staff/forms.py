import base64
import math

from crispy_forms_gds.layout import Field
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone

from mesoinfo.forms import form_helper, within_limit
from screening.models import Attendance, AuditEvent, ReviewStatus, as_reference, status_choices


class SignInForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.helper = form_helper(
            Field.text("username", field_width=20), Field.text("password", field_width=20)
        )

    def clean_username(self):
        # Django sets the field's max_length after making it, so no validator checks it,
        # and a longer name would reach django-axes, whose 255-character column then
        # fails on PostgreSQL. No such account can exist: say so as for any wrong name.
        username = self.cleaned_data["username"]
        if len(username) > self.fields["username"].max_length:
            raise forms.ValidationError(
                self.error_messages["invalid_login"],
                code="invalid_login",
                params={"username": self.username_field.verbose_name},
            )
        return username


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Security code",
        help_text="The 6-digit code from your authenticator app.",
        max_length=6,
        error_messages={"required": "Enter the 6-digit security code"},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        self.helper = form_helper(Field.text("token", field_width=10))

    def clean_token(self):
        token = self.cleaned_data["token"].strip().replace(" ", "")
        allowed, why = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                f"After a wrong code there is a short wait. Wait {wait_for(why)}, then "
                "enter the newest code",
                code="throttled",
            )
        if not token.isdigit() or not self.device.verify_token(token):
            raise forms.ValidationError(
                "That code did not work. Check the time on your phone, then try the newest code",
                code="invalid",
            )
        return token

    @staticmethod
    def secret_for_people(device):
        return base64.b32encode(device.bin_key).decode().rstrip("=")


def valid_filters(form):
    """The filters whose values are valid. One mistyped value (a date, a long search) must
    not silently drop the others, which would also widen an export to everything; the
    page shows its error instead."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return form.cleaned_data


class QueueFilterForm(forms.Form):
    CONSULT = [
        ("", "Any date"),
        ("soon", "Today or the next 2 days"),
        ("week", "Within 7 days"),
        ("none", "Not booked"),
        ("past", "Date has passed"),
    ]
    # The search (a name, a reference) is sent by POST and kept in the session under this
    # key, never in an address: addresses end up in proxy logs and browser history.
    SEARCH_KEY = "staff_queue_search"
    q = forms.CharField(label="Reference or name", required=False, max_length=100)
    status = forms.ChoiceField(
        label="Review status", required=False, choices=[("", "Any status"), *ReviewStatus.choices]
    )
    flag = forms.ChoiceField(label="Flag", required=False)
    consult = forms.ChoiceField(label="Consultation date", required=False, choices=CONSULT)

    def __init__(self, flag_choices, *args, with_flags=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.with_flags = with_flags  # the person may see health answers
        self.fields["status"].choices = [("", "Any status"), *status_choices(with_flags)]
        if with_flags:
            self.fields["flag"].choices = [("", "Any flag"), *flag_choices]
        else:
            del self.fields["flag"]  # which patient raised which flag is health data

    @classmethod
    def for_request(cls, request, flag_choices, *, with_flags, remembered=True):
        """The filters just sent (POST), or the address's filters with the search kept in
        the session (GET; `remembered=False` leaves it out). Unbound when there is
        neither, as on a first visit."""
        if request.method == "POST":
            data = request.POST
        else:
            data = request.GET.copy()
            if remembered and (search := request.session.get(cls.SEARCH_KEY)):
                data["q"] = search
        return cls(flag_choices, data or None, with_flags=with_flags)

    def remember_search(self, session):
        """Keep the search for the pages that follow. A search that was not valid (so not
        applied) is forgotten too, so the next pages show what this one shows."""
        if search := valid_filters(self).get("q"):
            session[self.SEARCH_KEY] = search
        else:
            session.pop(self.SEARCH_KEY, None)

    def address_filters(self):
        """The valid filters that identify no one, for addresses and links: never `q`."""
        data = valid_filters(self)
        return {name: data[name] for name in self.fields if name != "q" and data.get(name)}


def wait_for(why):
    """How long django-otp's throttle still refuses codes, in words."""
    until = (why or {}).get("locked_until")
    if until is None:
        return "a minute"
    seconds = max(1, math.ceil((until - timezone.now()).total_seconds()))
    return f"{seconds} second{'s' if seconds != 1 else ''}" if seconds < 60 else "a minute"


# A line or two: the reason is read in the audit log, after "reason: ".
REASON_LIMIT = 190


class EmergencyAccessForm(forms.Form):
    reason = forms.CharField(
        label="Why do you need the health answers now?",
        help_text="For example: who asked you, and what is happening. No health details: "
        "the reason is shown in the audit log.",
        max_length=REASON_LIMIT,
        error_messages={
            "required": "Say why you need the health answers now",
            "max_length": f"Keep the reason to {REASON_LIMIT} characters or fewer",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.text("reason"))

    def clean_reason(self):
        return " ".join(self.cleaned_data["reason"].split())


NOTE_LIMIT = 2000


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label="Review decision", required=False, widget=forms.RadioSelect)
    attendance = forms.ChoiceField(label="Attendance", required=False, widget=forms.RadioSelect)
    note = forms.CharField(
        label="Note",
        required=False,
        validators=[within_limit(NOTE_LIMIT, "the note")],
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, can_review, can_record_attendance, can_note, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_note:
            del self.fields["note"]
        if can_review:
            self.fields["decision"].choices = ReviewStatus.decisions()
        else:
            del self.fields["decision"]
        if can_record_attendance:
            self.fields["attendance"].choices = Attendance.choices
        else:
            del self.fields["attendance"]

    def clean(self):
        data = super().clean()
        if not (data.get("decision") or data.get("attendance") or data.get("note", "").strip()):
            if "note" not in self.fields:
                raise forms.ValidationError("Choose the attendance to record", code="empty")
            raise forms.ValidationError("Choose a decision or write a note", code="empty")
        return data


AUDIT_FILTERS = ("start", "end", "action", "user", "reference")


class AuditFilterForm(forms.Form):
    SORTABLE = ["created_at", "actor_name", "action", "reference", "ip_address"]
    start = forms.DateField(
        label="From (YYYY-MM-DD)",
        required=False,
        error_messages={"invalid": "Enter the start date as YYYY-MM-DD, e.g. 2026-03-31"},
    )
    end = forms.DateField(
        label="To (YYYY-MM-DD)",
        required=False,
        error_messages={"invalid": "Enter the end date as YYYY-MM-DD, e.g. 2026-03-31"},
    )
    action = forms.ChoiceField(
        label="Action", required=False, choices=[("", "Any action"), *AuditEvent.Action.choices]
    )
    user = forms.CharField(label="Staff username (or part)", required=False, max_length=150)
    reference = forms.CharField(label="Submission reference", required=False, max_length=20)
    # Set by the column headings' links and never shown, so an unknown value (an edited
    # address) falls back to the usual order instead of an error no one can see.
    sort = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_sort(self):
        sort = self.cleaned_data["sort"]
        return sort if sort.removeprefix("-") in self.SORTABLE else ""

    def clean_reference(self):
        typed = " ".join(self.cleaned_data["reference"].split())
        return as_reference(typed) if typed else ""

    @staticmethod
    def described(data):
        """The filters used, as the audit log's own events record them: who read or
        exported which part of the log."""
        used = [f"{name}={data[name]}" for name in AUDIT_FILTERS if data.get(name)]
        return ", ".join(used) or "no filters"

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "The To date must be the same as or after the From date")
        return data
