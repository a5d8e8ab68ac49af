from django.contrib import admin

from screening.models import Contraindication, Question, Submission


@admin.register(Contraindication)
class ContraindicationAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    readonly_fields = ["code"]
    fields = ["code", "name", "explanation", "guidance", "keywords"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "section", "position", "active", "contraindication"]
    list_filter = ["section", "active"]
    list_editable = ["position", "active"]
    readonly_fields = ["key", "kind", "contraindication"]
    fields = [
        "key", "kind", "contraindication", "section", "position", "text", "help_text",
        "choices", "follow_up", "active",
    ]  # fmt: skip

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Submissions are health records: admins may look, never change."""

    list_display = ["reference", "created_at", "consult_date", "flagged"]
    list_filter = ["flagged"]
    search_fields = ["reference"]
    fields = [
        "reference", "created_at", "full_name", "date_of_birth", "email", "phone",
        "consult_date", "questionnaire_version", "flags", "answers", "consent_version",
        "consent_text", "consent_given_at",
    ]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
