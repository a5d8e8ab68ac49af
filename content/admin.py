from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from content import markdown
from content.models import FLAGS_TOPIC_SLUG, Clinic, Topic


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "email"]

    def has_add_permission(self, request):
        return not Clinic.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class ReviewDueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("soon", "Due in the next 30 days")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.review_overdue(today)
        if self.value() == "soon":
            return queryset.filter(
                next_review_due__gte=today, next_review_due__lte=today + timezone.timedelta(30)
            )
        return queryset


class TopicAdminForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["related"]  # the admin adds the rest from its fieldsets
        help_texts = {
            "related": "Shown at the page's end. Links go both ways: this page is also "
            "listed on each related page."
        }

    def clean_related(self):
        related = self.cleaned_data["related"]
        if self.instance.pk and related.filter(pk=self.instance.pk).exists():
            raise forms.ValidationError("A page cannot be related to itself.", code="self")
        return related


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    form = TopicAdminForm
    list_display = [
        "title", "status", "position", "last_reviewed", "next_review_due", "overdue", "preview",
    ]  # fmt: skip
    list_filter = ["status", ReviewDueFilter]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["related"]
    readonly_fields = ["reading_level"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "reading_level"]}),
        ("Publishing", {"fields": ["status", "position", "related", "sources"]}),
        (
            "Review",
            {"fields": ["last_reviewed", "next_review_due", "reviewer_name", "reviewer_role"]},
        ),
    ]

    @admin.display(boolean=True, description="Review overdue")
    def overdue(self, topic):
        return topic.review_overdue

    @admin.display(description="Preview")
    def preview(self, topic):
        return format_html('<a href="{}">Preview</a>', topic.get_absolute_url())

    @admin.display(description="Reading level")
    def reading_level(self, topic):
        return topic.readability() if topic.pk else "Shown after the first save."

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.slug == FLAGS_TOPIC_SLUG:
            return False  # patients' results link to it
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        left_out = markdown.left_out(obj.body)
        if left_out:
            messages.warning(
                request,
                f"These parts of the page are not shown to patients as written: "
                f"{', '.join(left_out)}.",
            )
        level = obj.readability()
        if level.meets_target:
            messages.info(request, f"Reading level: {level}.")
        else:
            messages.warning(
                request,
                f"Reading level: {level}. Try shorter sentences and everyday words.",
            )
