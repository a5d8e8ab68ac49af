"""The questionnaire (data an admin can word) and the submissions patients send."""

import re
import secrets
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from content.models import FLAGS_TOPIC_SLUG
from mesoinfo.encryption import EncryptedJSONField, EncryptedTextField
from mesoinfo.wording import unsafe_wording_errors
from screening import rules
from screening.ordering import queue_ordering


class Contraindication(models.Model):
    """Something a clinician must discuss with the patient before any treatment."""

    code = models.CharField(max_length=40, unique=True, editable=False)
    name = models.CharField(max_length=120, help_text="Plain words, as the patient reads them.")
    explanation = models.TextField(help_text="Why this matters, in one or two sentences.")
    guidance = models.TextField(
        help_text="What the patient should do. Always: talk to a clinician before treatment. "
        "Never tell anyone to stop a medicine."
    )
    keywords = models.TextField(
        blank=True,
        help_text="Words that raise this flag when a patient writes them in a box about "
        "their medicines, skin or goal (one per line, or separated by commas), so a flag "
        "is not missed when a question was answered “no”. Write # for any number: "
        "“# kg” finds “lose 10kg” and “two kg”. A keyword with # counts only in the boxes "
        "of this flag’s own questions, where a number means what it says.",
    )
    position = models.PositiveSmallIntegerField(default=0)
    # Every version, with who saved it: a keyword or wording change alters which
    # patients are flagged and what they read.
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "code"]

    def __str__(self):
        return self.name

    def clean(self):
        errors = unsafe_wording_errors(self, ["name", "explanation", "guidance"])
        keywords_problem = self._keywords_problem()
        if keywords_problem:
            errors["keywords"] = keywords_problem
        if errors:
            raise ValidationError(errors)

    def _keywords_problem(self):
        words = self.keyword_list()
        vague = [word for word in words if not _specific_enough(word)]
        everyday = [word for word in words if word in EVERYDAY_WORDS]
        too_long = [word for word in words if len(word) > KEYWORD_MOST_CHARACTERS]
        if everyday:
            return ValidationError(
                f"“{everyday[0]}” is an everyday word: it would raise this flag for patients "
                "who wrote it about anything. Use the name of a medicine or condition, or a "
                "phrase (“blood thinner”).",
                code="keyword_everyday",
            )
        if too_long:
            return ValidationError(
                f"“{too_long[0][:40]}…” is too long to be a keyword: a patient would not "
                f"write it word for word. Keep each under {KEYWORD_MOST_CHARACTERS} characters.",
                code="keyword_too_long",
            )
        if vague:
            return ValidationError(
                f"“{vague[0]}” is too short to be a keyword: it would match answers that "
                "have nothing to do with this flag. Use at least three letters or digits "
                "(# for a number counts as one), with at least one letter.",
                code="keyword_too_short",
            )
        before = Contraindication.objects.filter(pk=self.pk).values_list("keywords", flat=True)
        if not words and any(_keywords_in(text) for text in before):
            return ValidationError(
                "Keep at least one keyword. They raise this flag when a patient names a "
                "medicine after answering “no”.",
                code="keywords_emptied",
            )
        return self._number_keyword_problem(words)

    def _number_keyword_problem(self, words):
        """A keyword with "#" counts only in the boxes of this flag's own questions
        (rules.in_box_of): with none of them checked, it would never raise the flag."""
        numbered = next((word for word in words if rules.with_numbers(word)), None)
        if numbered is None or (
            self.pk and self.question_set.filter(scan_for_keywords=True).exists()
        ):
            return None
        return ValidationError(
            f"“{numbered}” would never raise this flag: a keyword with # counts only in the "
            "answers to this flag’s own questions, and none of them is checked for "
            "keywords. Write it without #.",
            code="number_keyword_never_checked",
        )

    def keyword_list(self):
        """One per line; commas and semicolons also separate keywords, since admins type
        lists that way. Entries with no letter or digit are left out (they would match
        every answer with that mark in it)."""
        return _keywords_in(self.keywords)

    def topic_anchor(self):
        return reverse("content:topic-detail", args=[FLAGS_TOPIC_SLUG]) + f"#{self.code}"


def _keywords_in(text):
    # splitlines, not "\n": it also breaks at the line separators pasted from word
    # processors (\x0b, \u2028 …), as the keyword list always has.
    words = (word.strip().lower() for line in text.splitlines() for word in re.split("[,;]", line))
    return [word for word in words if any(map(str.isalnum, word))]


KEYWORD_MOST_CHARACTERS = 60
# Words patients write in these boxes about anything: alone, each would flag most of them.
EVERYDAY_WORDS = frozenset({
    "about", "after", "again", "all", "also", "and", "any", "are", "as", "at", "before",
    "but", "can", "daily", "day", "days", "did", "do", "does", "dose", "doses", "every",
    "for", "from", "gel", "had", "has", "have", "her", "his", "how", "i", "in", "is", "it",
    "its", "just", "last", "me", "medication", "medications", "medicine", "medicines", "mg",
    "ml", "month", "months", "morning", "my", "night", "no", "none", "not", "now", "of",
    "on", "once", "one", "only", "or", "other", "pill", "pills", "some", "take", "takes",
    "taking", "tablet", "tablets", "that", "the", "them", "then", "this", "to", "twice",
    "use", "used", "using", "vitamin", "vitamins", "was", "week", "weekly", "weeks", "when",
    "with", "year", "years", "yes", "you", "your",
})  # fmt: skip


def _specific_enough(keyword):
    """At least three letters or digits, one of them a letter, with "#" (any number)
    counted as a digit: 'b12', '5-fu' and '# kg' are, 'xa', '75' and '# g' are not."""
    # As the rules read it: a full-width "＃" typed on a phone is a "#", and "##" one "#".
    written = "".join(rules.keyword_words(keyword))
    marks = sum(char.isalnum() or char == rules.NUMBER for char in written)
    return marks >= 3 and any(map(str.isalpha, written))


class Section(models.TextChoices):
    """The questionnaire's steps after the contact details, in order."""

    TREATMENT = "treatment", "Your treatment"
    MEDICINES = "medicines", "Pregnancy, medicines and bleeding"
    SKIN_IMMUNE = "skin-and-immunity", "Skin, allergies and immunity"
    CONDITIONS = "other-conditions", "Other health conditions"

    @classmethod
    def ordered(cls):
        return list(cls)


OTHER = "other"  # the choose-one answer that opens a follow-up box


class QuestionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True).select_related("contraindication")


class Question(models.Model):
    class Kind(models.TextChoices):
        YES_NO = "yes_no", "Yes / no / not sure"
        CHOICE = "choice", "Choose one"
        TEXT = "text", "Free text"

    key = models.SlugField(max_length=40, unique=True, editable=False)
    section = models.CharField(max_length=20, choices=Section)
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=10, choices=Kind, editable=False)
    text = models.CharField(max_length=250, help_text="The question as the patient reads it.")
    help_text = models.TextField(
        blank=True, help_text="Everyday examples, so patients recognise their own case."
    )
    choices = models.TextField(
        blank=True, help_text="For 'choose one' questions: value|label, one per line."
    )
    follow_up = models.CharField(
        max_length=250,
        blank=True,
        help_text="A box for details. Yes/no questions: asked when the answer is yes or not "
        "sure. Choose-one questions: asked when the answer is the one whose value is “other”.",
    )
    active = models.BooleanField(default=True)
    contraindication = models.ForeignKey(
        Contraindication, null=True, blank=True, on_delete=models.PROTECT, editable=False
    )
    flag_answers = models.CharField(
        max_length=200,
        blank=True,
        editable=False,
        help_text="Answers that raise the flag (comma-separated). Yes/no questions: "
        "yes and not sure.",
    )
    flag_when_filled = models.BooleanField(default=False, editable=False)
    scan_for_keywords = models.BooleanField(default=False, editable=False)

    objects = QuestionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "position"]

    def __str__(self):
        return self.text

    def clean(self):
        """An admin edit must never stop a flag from being raised, nor leave a question
        that patients cannot answer."""
        problems = {
            "choices": self._choices_problem(),
            "follow_up": self._follow_up_problem(),
            "active": self._switch_off_problem(),
        }
        errors = unsafe_wording_errors(self, ["text", "help_text", "follow_up", "choices"])
        errors.update({field: problem for field, problem in problems.items() if problem})
        if errors:
            raise ValidationError(errors)

    def _choices_problem(self):
        if self.kind != self.Kind.CHOICE:
            return None
        lines = [line.strip() for line in self.choices.splitlines() if line.strip()]
        unreadable = [line for line in lines if not all(_choice_parts(line))]
        if unreadable:
            return ValidationError(
                f"Write each answer on its own line as value|label, for example "
                f"“skin|Improve my skin”. This line is not: “{unreadable[0]}”.",
                code="unreadable_choice",
            )
        values = [value for value, _ in self.choice_list()]
        if len(values) < 2:
            return ValidationError("Give at least two answers to choose from.", code="few")
        repeated = sorted({value for value in values if values.count(value) > 1})
        if repeated:
            return ValidationError(
                f"Give each answer its own value: “{repeated[0]}” is used more than once.",
                code="repeated_choice",
            )
        removed = set(self.rule().flag_answers) - set(values)
        if removed:
            return ValidationError(
                f"Keep the answer value(s) {', '.join(sorted(removed))}: they raise a flag.",
                code="flag_answer_removed",
            )
        return None

    def _follow_up_problem(self):
        if not self.follow_up:
            return None
        if self.kind == self.Kind.TEXT:
            return ValidationError(
                "Only yes / no and choose-one questions have a follow-up box. Leave this empty.",
                code="follow_up_on_text",
            )
        if self.kind == self.Kind.CHOICE and OTHER not in dict(self.choice_list()):
            return ValidationError(
                f"A choose-one question's follow-up box is for the answer whose value is "
                f"“{OTHER}”. Add one (for example “{OTHER}|Something else”), or leave this "
                "empty.",
                code="follow_up_without_other",
            )
        clashing = f"{self.key}_details"
        if Question.objects.filter(key=clashing).exclude(pk=self.pk).exists():
            # Its answer box would share a name with that question's, and one answer
            # would be lost.
            return ValidationError(
                f"A follow-up here would clash with the question “{clashing}”.",
                code="follow_up_clash",
            )
        return None

    def _switch_off_problem(self):
        # Each flag question asks about different things (the serious-illness ones name
        # different illnesses), so none may go, not just the last one for its flag.
        if self.active:
            return None
        if self.contraindication_id:
            return ValidationError(
                f"This question raises “{self.contraindication}”, so it must stay "
                "active. You can reword it.",
                code="flag_question_switched_off",
            )
        if self.scan_for_keywords:
            return ValidationError(
                "Answers to this question are checked for medicines that raise flags, so "
                "it must stay active. You can reword it.",
                code="scanned_question_switched_off",
            )
        return None

    def follow_up_wanted(self, answer):
        """Does this answer open the follow-up box: yes or not sure, or "other"?"""
        if self.kind == self.Kind.YES_NO:
            return answer in (rules.YES, rules.NOT_SURE)
        return answer == OTHER

    def follow_up_label(self):
        if self.kind == self.Kind.YES_NO:
            return f"If yes or not sure: {self.follow_up}"
        return f"If \u201c{dict(self.choice_list()).get(OTHER, OTHER)}\u201d: {self.follow_up}"

    def choice_list(self):
        if self.kind == self.Kind.YES_NO:
            return list(rules.YES_NO_CHOICES)
        parts = (_choice_parts(line) for line in self.choices.splitlines())
        return [(value, label) for value, label in parts if value and label]

    def rule(self):
        """The question as the pure flag rules see it."""
        code = self.contraindication.code if self.contraindication_id else ""
        return rules.QuestionRule(
            key=self.key,
            kind=self.kind,
            flag=code,
            flag_answers=tuple(a.strip() for a in self.flag_answers.split(",") if a.strip()),
            flag_when_filled=self.flag_when_filled,
            scan_for_keywords=self.scan_for_keywords,
        )


def _choice_parts(line):
    """'value|label' as (value, label); ('', '') for a line without both."""
    value, bar, label = line.partition("|")
    return (value.strip(), label.strip()) if bar else ("", "")


REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3479"  # no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B
_REFERENCE = re.compile(f"[{REFERENCE_ALPHABET}]{{4}}-[{REFERENCE_ALPHABET}]{{4}}")


def is_reference(text):
    """Is this a whole reference, as `new_reference` makes them ("ACDE-FG34")?"""
    return _REFERENCE.fullmatch(text) is not None


def new_reference():
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{code[:4]}-{code[4:]}"


class ReviewStatus(models.TextChoices):
    NOT_REVIEWED = "new", "Not reviewed"
    CLEARED = "cleared", "Cleared for consult"
    DISCUSS = "discuss", "Discuss at consult"
    NOT_SUITABLE = "not_suitable", "Not suitable"
    MORE_INFO = "more_info", "Needs more information"

    @classmethod
    def decisions(cls):
        return [(s.value, s.label) for s in cls if s != cls.NOT_REVIEWED]

    def can_change_to(self, other):
        """A decision can be revised, but a reviewed submission never goes back to new."""
        return other != ReviewStatus.NOT_REVIEWED and other != self

    def label_for(self, with_health):
        return self.label if with_health or self not in HIDDEN_DECISIONS else REVIEWED_LABEL


# Staff who may not see health answers read these decisions as "Reviewed": "Not
# suitable" or "Discuss at consult" would tell them about the patient's health. "Needs
# more information" stays, as Reception may be the ones who phone the patient.
HIDDEN_DECISIONS = (ReviewStatus.CLEARED, ReviewStatus.DISCUSS, ReviewStatus.NOT_SUITABLE)
REVIEWED, REVIEWED_LABEL = "reviewed", "Reviewed"


def status_choices(with_health):
    """The statuses a member of staff may filter and count by."""
    if with_health:
        return ReviewStatus.choices
    return [
        (ReviewStatus.NOT_REVIEWED.value, ReviewStatus.NOT_REVIEWED.label),
        (REVIEWED, REVIEWED_LABEL),
        (ReviewStatus.MORE_INFO.value, ReviewStatus.MORE_INFO.label),
    ]


def statuses_in(choice):
    return [str(s) for s in HIDDEN_DECISIONS] if choice == REVIEWED else [choice]


class Attendance(models.TextChoices):
    EXPECTED = "expected", "Expected"
    CONTACTED = "contacted", "Patient contacted"
    ATTENDED = "attended", "Attended"
    DID_NOT_ATTEND = "dna", "Did not attend"
    CANCELLED = "cancelled", "Cancelled"


# The indexes each part of the queue is read from, in order (screening.ordering). Staff
# who may not see health answers get booking order: putting flagged ones first would
# tell them which patients were flagged.
QUEUE_ORDER = ["queue_rank", "consult_order", "created_at"]
BOOKING_ORDER = ["consult_order", "created_at"]
NOT_BOOKED = date(9999, 12, 31)


class SubmissionQuerySet(models.QuerySet):
    def awaiting_review(self):
        return self.filter(status=ReviewStatus.NOT_REVIEWED)

    def in_queue_order(self, today, *, with_health=True):
        """See screening.ordering. Without health access, by consultation date only."""
        return self.order_by(*queue_ordering(today, with_health=with_health))

    def in_status(self, choice):
        return self.filter(status__in=statuses_in(choice))

    def raising(self, code):
        return self.filter(raised_flags__code=code)

    def matching(self, text):
        """By whole reference, or by name as typed or as name_key spells it: "zoe obrien"
        finds "Zoë O’Brien". The name as typed also finds rows without a key (sent by the
        previous release while this one's migration ran)."""
        text = " ".join(text.split())
        if not text:
            return self
        found = models.Q(reference__iexact=as_reference(text))
        found |= models.Q(full_name__icontains=text)
        key = as_name_key(text)
        if key:  # punctuation alone has none, and "" is in every key
            found |= models.Q(name_key__contains=key)
        return self.filter(found)

    def past_retention(self, moment):
        """Sent before `moment`, and not booked for a consultation since: a patient booked
        months ahead keeps their answers until the retention period after it."""
        booked_since = models.Q(consult_date__gte=timezone.localdate(moment))
        return self.filter(created_at__lt=moment).exclude(booked_since)


def as_reference(text):
    """A reference as people type or paste it ("abcd efgh", "ABCD–EFGH") in its stored
    form, "ABCD-EFGH"; other text upper-cased."""
    # normalise makes any dash a phone or word processor pastes a "-".
    code = re.sub(r"[\s-]", "", rules.normalise(text)).upper()
    return f"{code[:4]}-{code[4:]}" if len(code) == 8 else text.upper()


# Letters that keep their stroke or join after NFKD, as people type them on an English
# keyboard ("ß" needs none: casefold makes it "ss").
SPELT_PLAIN = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                             "þ": "th"})  # fmt: skip


def as_name_key(text):
    """A name as the queue searches it: lower case, without accents, spaces or
    punctuation, so that "Zoë O’Brien", "zoe o'brien" and "ZOE OBRIEN" are all
    "zoeobrien", and "o connor" finds "O'Connor". Letters of any alphabet are kept."""
    plain = rules.normalise(text).casefold().translate(SPELT_PLAIN)
    return "".join(char for char in plain if char.isalnum())


class Submission(models.Model):
    """One patient's answers, frozen as they were asked and answered. Never edited;
    staff decisions and notes are separate records."""

    reference = models.CharField(max_length=9, unique=True, default=new_reference)
    token = models.UUIDField(unique=True, help_text="One per questionnaire run: stops doubles.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    full_name = models.CharField(max_length=150)
    # The name as the queue searches it (as_name_key), kept by save(). On the row, so it
    # goes with it when the submission is purged or erased. The database's default is
    # for rows the previous release inserts while the migration that adds it runs.
    name_key = models.TextField(db_default="", editable=False)
    date_of_birth = models.DateField()
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    consult_date = models.DateField(null=True, blank=True, db_index=True)
    questionnaire_version = models.CharField(max_length=16)
    answers = EncryptedJSONField(help_text="Each question as shown and the answer as given.")
    flags = EncryptedJSONField(default=list)
    flagged = models.BooleanField(default=False)
    consent_version = models.CharField(max_length=20)
    consent_text = models.TextField()
    consent_given_at = models.DateTimeField()
    status = models.CharField(
        max_length=12, choices=ReviewStatus, default=ReviewStatus.NOT_REVIEWED
    )
    attendance = models.CharField(max_length=10, choices=Attendance, default=Attendance.EXPECTED)
    version = models.PositiveIntegerField(default=1, help_text="Moves on every staff change.")
    # Kept by the database itself, so the queue's order can come straight from an index.
    queue_rank = models.GeneratedField(
        expression=models.Case(
            models.When(flagged=True, status=ReviewStatus.NOT_REVIEWED, then=0), default=1
        ),
        output_field=models.SmallIntegerField(),
        db_persist=True,
    )
    # Submissions without a consultation date sort after every booked one.
    consult_order = models.GeneratedField(
        expression=Coalesce("consult_date", models.Value(NOT_BOOKED)),
        output_field=models.DateField(),
        db_persist=True,
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            ("view_queue", "Can see the review queue and contact details"),
            ("view_health_answers", "Can see health answers and flags"),
            ("review_submission", "Can record a review decision"),
            ("record_attendance", "Can record attendance"),
            ("export_submissions", "Can export the queue as CSV"),
            ("emergency_access", "Can open health answers in an emergency, giving a reason"),
        ]
        indexes = [
            models.Index(fields=QUEUE_ORDER, name="submission_queue_order"),
            models.Index(fields=BOOKING_ORDER, name="submission_booking_order"),
            models.Index(fields=["status", *QUEUE_ORDER], name="submission_status_queue"),
            # Status and consultation-date filters, counted, joined to the flags and put
            # in queue order from the index alone (staff.queue.QueuePaginator). The id is
            # a key column because SQLite ignores INCLUDE.
            models.Index(
                fields=["status", "consult_date", "id"],
                include=QUEUE_ORDER,
                name="submission_status_covering",
            ),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        # Kept here, not in services.submit, so that no way of saving a name can leave
        # its key behind. bulk_create skips save(): set name_key there (seed_submissions).
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "full_name" in update_fields:
            self.name_key = as_name_key(self.full_name)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("staff:submission", args=[self.reference])

    def status_for(self, with_health):
        return ReviewStatus(self.status).label_for(with_health)

    @property
    def age(self):
        """Age in whole years on the day the answers were sent."""
        sent = self.created_at.date() if self.created_at else timezone.localdate()
        born = self.date_of_birth
        return sent.year - born.year - ((sent.month, sent.day) < (born.month, born.day))

    @property
    def flag_codes(self):
        return [flag["code"] for flag in self.flags]

    def flags_with_reasons(self):
        """Each flag with the questions, as the patient saw them, whose answers raised
        it, once each, with the keywords found in them (a "yes" and a medicine named in
        its follow-up box are one reason), and whether the question was answered "no"
        with details written, which raise its flag too. Submissions sent before reasons
        were kept have none."""
        asked = {row["key"]: row["question"] for row in self.answers}
        said_no = {row["key"] for row in self.answers if row["answer"] == "no"}
        flags = []
        for flag in self.flags:
            by_question = {}
            for raised in flag.get("raised_by", []):
                by_question.setdefault(raised["key"], []).append(raised)
            reasons = []
            for key, raised in by_question.items():
                words = keywords_in(raised)
                reasons.append({"key": key, "question": asked.get(key, key), "keywords": words,
                                "after_no": key in said_no and not words})  # fmt: skip
            flags.append({**flag, "reasons": reasons})
        return flags

    def flags_for_patient(self):
        """Each flag with the words the patient typed that raised it, so someone who
        answered "no" but named a medicine sees why the flag is there."""
        return [{**flag, "words": keywords_in(flag.get("raised_by", []))} for flag in self.flags]

    def answers_raising_flags(self):
        """Keys of the answers to highlight: those that raised a flag, and every yes or
        not sure (all that older submissions can show)."""
        raised = {reason["key"] for flag in self.flags for reason in flag.get("raised_by", [])}
        unsure = {row["key"] for row in self.answers if row["answer"] in ("yes", "not_sure")}
        return raised | unsure

    def consult_soon_unreviewed(self, today):
        """Not yet reviewed, with the consultation today or in the next two days."""
        return (
            self.status == ReviewStatus.NOT_REVIEWED
            and self.consult_date is not None
            and 0 <= (self.consult_date - today).days <= 2
        )


def keywords_in(reasons):
    """The keywords found, each once, in the order found, from a flag's stored reasons."""
    return list(dict.fromkeys(r["keyword"] for r in reasons if r.get("keyword")))


class RaisedFlag(models.Model):
    """One flag on one submission, kept as a row so the queue can filter by it."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="raised_flags"
    )
    code = models.CharField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["code", "submission"])]

    def __str__(self):
        return self.code


class Review(models.Model):
    """A staff decision or note on a submission. Added, never changed."""

    class Kind(models.TextChoices):
        DECISION = "decision", "Review decision"
        ATTENDANCE = "attendance", "Attendance"
        NOTE = "note", "Note"

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reviews")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    kind = models.CharField(max_length=10, choices=Kind)
    value = models.CharField(max_length=20, blank=True)
    note = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.submission_id}"

    def value_label(self):
        choices = ReviewStatus if self.kind == self.Kind.DECISION else Attendance
        return dict(choices.choices).get(self.value, "")


class AuditQuerySet(models.QuerySet):
    def naming(self, reference):
        """Events about this submission, and (for a whole reference, not part of one) the
        list views that showed it (AuditEvent.list_detail)."""
        about = models.Q(reference=reference)
        if is_reference(reference):
            about |= models.Q(action=AuditEvent.Action.LIST, detail__contains=reference)
        return self.filter(about)

    def update(self, **kwargs):
        raise PermissionError("Audit records are append-only.")

    def delete(self):
        raise PermissionError("Audit records are append-only.")


class AuditEvent(models.Model):
    """Who did what to which submission, when and from where. Append-only: each row
    carries a hash of itself and of the row before, so an edited row shows."""

    class Action(models.TextChoices):
        LIST = "list", "Viewed the queue"
        VIEW = "view", "Viewed a submission"
        PRINT = "print", "Printed a submission"
        DECISION = "decision", "Recorded a decision"
        ATTENDANCE = "attendance", "Recorded attendance"
        NOTE = "note", "Added a note"
        EXPORT = "export", "Exported the queue"
        AUDIT_VIEW = "audit_view", "Viewed the audit log"
        AUDIT_EXPORT = "audit_export", "Exported the audit log"
        PURGE = "purge", "Deleted after the retention period"
        ERASE = "erase", "Erased on request"
        SIGN_IN = "sign_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        SIGN_IN_PAUSED = "sign_in_paused", "Sign-in paused after failures"
        SIGN_OUT = "sign_out", "Signed out"
        SIGNED_OUT_EVERYWHERE = "sign_out_all", "Signed someone out everywhere"
        VERIFIED = "verified", "Second factor verified"
        VERIFY_FAILED = "verify_failed", "Second factor failed"
        DENIED = "denied", "Access denied"
        EMERGENCY_ACCESS = "emergency_open", "Opened health answers in an emergency"
        EMERGENCY_VIEW = "emergency_view", "Viewed health answers in an emergency"
        USER_ADDED = "user_add", "Added a user account"
        USER_DELETED = "user_delete", "Deleted a user account"
        PRIVILEGES = "privileges", "Changed a user's privileges"
        ROLE_PERMISSIONS = "role_permissions", "Changed a role's permissions"
        DEVICE_ADDED = "device_add", "Added a second-factor device"
        DEVICE_REMOVED = "device_delete", "Removed a second-factor device"
        KEYS_ROTATED = "keys_rotated", "Re-encrypted stored answers and notes"

    created_at = models.DateTimeField(db_index=True)
    # PROTECT: staff accounts that have touched health data are deactivated, not deleted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=20, choices=Action, db_index=True)
    reference = models.CharField(max_length=9, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(null=True)
    # Long enough for a list view's references: 100 on a full admin page.
    detail = models.CharField(max_length=1200, blank=True, help_text="Never health data.")
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [
            ("view_auditlog", "Can read the audit log"),
            ("export_auditlog", "Can export the audit log"),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit records are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit records are append-only.")

    @property
    def emergency(self):
        """Made under emergency ("break-glass") access, for the auditor to review."""
        return self.action in (self.Action.EMERGENCY_ACCESS, self.Action.EMERGENCY_VIEW)

    @staticmethod
    def list_detail(references, page=None):
        """A list view's detail: its page (None when it showed every row) and the
        references it showed, so that the log says whose names were seen. Sorted,
        because the queue lists flagged patients first."""
        where = f"page {page}" if page else "every row"
        names = " ".join(sorted(references))
        return f"{where}, {len(references)} shown" + (f": {names}" if names else "")

    def listed(self):
        """The detail as (summary, references): a list view's "page 2, 5 shown: ..."
        (list_detail) gives the references apart."""
        if self.action != self.Action.LIST:
            return self.detail, []
        summary, _, references = self.detail.partition(": ")
        return summary, references.split()

    def canonical(self):
        """The text the hash covers: this event, then the previous event's hash."""
        return f"{self.canonical_head()}|{self.previous_hash}"

    def canonical_head(self):
        return "|".join(
            [
                self.created_at.isoformat(),
                self.actor_name,
                self.action,
                self.reference,
                self.ip_address or "",
                self.detail,
            ]
        )
