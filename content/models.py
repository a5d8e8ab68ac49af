import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from content import markdown, readability
from mesoinfo.recent import Recent
from mesoinfo.wording import unsafe_wording_errors

CLINIC_CACHE_KEY = "content:clinic"
# Every flag on a patient's result links into this page, so it must stay published
# at this address.
FLAGS_TOPIC_SLUG = "who-should-not-have-it"
_clinic = Recent()


class Clinic(models.Model):
    """The clinic's public details, shown in every page's header and footer.

    There is only ever one row; the admin edits it in place.
    """

    name = models.CharField(max_length=120, help_text="Shown at the top of every page.")
    phone = models.CharField(max_length=40, help_text="The number patients should call.")
    email = models.EmailField(help_text="The address patients and staff notifications use.")
    address = models.TextField(help_text="Postal address, one line per row.")
    opening_hours = models.CharField(
        max_length=200, blank=True, help_text="For example: Monday to Friday, 9am to 5pm."
    )

    class Meta:
        verbose_name = "clinic details"
        verbose_name_plural = "clinic details"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    def clean(self):
        # Pages link to tel:<phone>, so words such as "call us" would make a dead link.
        digits = sum(map(str.isdigit, self.phone))
        if digits < 6 or not re.fullmatch(r"[0-9 +()\-]+", self.phone):
            raise ValidationError(
                {"phone": "Enter the phone number in digits, for example 01632 960000"},
                code="phone",
            )

    @classmethod
    def load(cls):
        """The clinic's details: from this process (checked each second), else the shared
        cache, else the database."""
        return _clinic.get(cls._read)

    @classmethod
    def _read(cls):
        clinic = cache.get(CLINIC_CACHE_KEY)
        if clinic is None:
            clinic = cls.objects.filter(pk=1).first() or cls.placeholder()
            cache.set(CLINIC_CACHE_KEY, clinic, 60 * 60)
        return clinic

    @classmethod
    def placeholder(cls):
        return cls(
            pk=1,
            name="Your Clinic",
            phone="000 0000 0000",
            email="clinic@example.com",
            address="Set the clinic's address in the admin",
        )

    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]


class TopicQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Topic.Status.PUBLISHED)

    def in_reading_order(self):
        return self.order_by("position", "title")

    def review_overdue(self, today=None):
        return self.filter(next_review_due__lt=today or timezone.localdate())

    def search(self, query):
        words = query.split()[:8]
        if not words:
            return self.none()
        condition = models.Q()
        for word in words:
            condition &= (
                models.Q(title__icontains=word)
                | models.Q(summary__icontains=word)
                | models.Q(body__icontains=word)
            )
        return self.filter(condition)


class Topic(models.Model):
    """A patient-education page, written in Markdown by the clinic's editors."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft (only staff can see it)"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="The page's web address: /topics/this-text/. Lower case, numbers and hyphens.",
    )
    summary = models.CharField(
        max_length=200,
        help_text="One plain sentence. Shown on the topics list and to search engines.",
    )
    body = models.TextField(
        help_text="Markdown. Use ## for section headings: they make the page's contents list. "
        "HTML is removed when the page is shown."
    )
    position = models.PositiveSmallIntegerField(
        default=100, help_text="Order in the topics list; lower numbers come first."
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    last_reviewed = models.DateField(help_text="When a clinician last checked this page.")
    next_review_due = models.DateField(help_text="When the page must be checked again.")
    reviewer_name = models.CharField(max_length=120)
    reviewer_role = models.CharField(max_length=120, help_text="For example: Clinical lead.")
    sources = models.TextField(
        blank=True, help_text="The sources this page relies on, one per line."
    )
    related = models.ManyToManyField("self", blank=True, help_text="Shown at the page's end.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = TopicQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[related])

    class Meta:
        ordering = ["position", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(next_review_due__gte=models.F("last_reviewed")),
                name="topic_review_due_after_last_review",
                violation_error_message="The next review must be on or after the last review.",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("content:topic-detail", kwargs={"slug": self.slug})

    def clean(self):
        # The rendered words too: HTML tags and entities in the Markdown ("<b>Stop</b>
        # taking", "S&#8203;top") are only words once rendered.
        rendered = {"body": markdown.plain_text(self.body)}
        errors = unsafe_wording_errors(self, ["title", "summary", "body"], also=rendered)
        errors.update(self._flags_topic_problems())
        if errors:
            raise ValidationError(errors)

    def _flags_topic_problems(self):
        was = Topic.objects.filter(pk=self.pk).values_list("slug", flat=True).first()
        if was != FLAGS_TOPIC_SLUG:
            return {}
        kept = "Patients' results link to this page for every flag, so it must"
        if self.slug != FLAGS_TOPIC_SLUG:
            return {
                "slug": ValidationError(
                    f"{kept} keep the address {FLAGS_TOPIC_SLUG}.", code="flags_topic"
                )
            }
        if not self.is_published:
            return {"status": ValidationError(f"{kept} stay published.", code="flags_topic")}
        return {}

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def review_overdue(self):
        return self.next_review_due < timezone.localdate()

    def rendered(self):
        return markdown.render(self.body)

    def readability(self):
        return readability.measure(self.title, self.summary, self.body)

    def source_lines(self):
        return [line.strip() for line in self.sources.splitlines() if line.strip()]
