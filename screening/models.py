"""The questionnaire (data an admin can word) and the submissions patients send."""

import secrets

from django.db import models
from django.urls import reverse

from screening import rules


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
        help_text="Words that raise this flag when a patient writes them in a medicines box "
        "(one per line), so a flag is not missed when a question was answered 'no'.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]

    def __str__(self):
        return self.name

    def keyword_list(self):
        return [word.strip().lower() for word in self.keywords.splitlines() if word.strip()]

    def topic_anchor(self):
        return reverse("content:topic-detail", args=["who-should-not-have-it"]) + f"#{self.code}"


class Section(models.TextChoices):
    """The questionnaire's steps after the contact details, in order."""

    TREATMENT = "treatment", "Your treatment"
    MEDICINES = "medicines", "Pregnancy, medicines and bleeding"
    SKIN_IMMUNE = "skin-and-immunity", "Skin, allergies and immunity"
    CONDITIONS = "other-conditions", "Other health conditions"

    @classmethod
    def ordered(cls):
        return list(cls)


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
        help_text="Yes/no questions: asked when the answer is yes or not sure.",
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

    class Meta:
        ordering = ["section", "position"]

    def __str__(self):
        return self.text

    def choice_list(self):
        if self.kind == self.Kind.YES_NO:
            return list(rules.YES_NO_CHOICES)
        pairs = (line.split("|", 1) for line in self.choices.splitlines() if "|" in line)
        return [(value.strip(), label.strip()) for value, label in pairs]

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


REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3479"  # no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B


def new_reference():
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{code[:4]}-{code[4:]}"


class Submission(models.Model):
    """One patient's answers, frozen as they were asked and answered. Never edited."""

    reference = models.CharField(max_length=9, unique=True, default=new_reference)
    token = models.UUIDField(unique=True, help_text="One per questionnaire run: stops doubles.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    full_name = models.CharField(max_length=150)
    date_of_birth = models.DateField()
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    consult_date = models.DateField(null=True, blank=True, db_index=True)
    questionnaire_version = models.CharField(max_length=16)
    answers = models.JSONField(help_text="Each question as shown and the answer as given.")
    flags = models.JSONField(default=list)
    flagged = models.BooleanField(default=False)
    consent_version = models.CharField(max_length=20)
    consent_text = models.TextField()
    consent_given_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.reference
