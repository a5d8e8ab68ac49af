from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from screening import audit
from screening.models import AuditEvent, Contraindication, Question, Submission


@admin.register(Contraindication)
class ContraindicationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code"]
    readonly_fields = ["code"]
    fields = ["code", "name", "explanation", "guidance", "keywords"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class QuestionListForm(forms.ModelForm):
    """A row of the question list, which shows only position and active. Question.clean
    may object to a field the row does not show (wording saved before a check was
    added): that is reported against the row instead of failing the whole page."""

    def add_error(self, field, error):
        if field is None and hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                super().add_error(name if name in self.fields else None, errors)
        else:
            super().add_error(field, error)


@admin.register(Question)
class QuestionAdmin(SimpleHistoryAdmin):
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

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=QuestionListForm, **kwargs)


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Submissions are health records: admins may look, never change."""

    list_display = ["reference", "created_at", "consult_date", "flagged"]
    # "Show all" at most one page's worth, so a list view's audit event can name them all.
    list_max_show_all = 100
    list_filter = ["flagged"]
    search_fields = ["reference"]
    fields = [
        "reference", "created_at", "full_name", "date_of_birth", "email", "phone",
        "consult_date", "status", "attendance", "questionnaire_version", "flag_list",
        "answer_table", "consent_version", "consent_text", "consent_given_at",
    ]  # fmt: skip
    readonly_fields = fields

    @admin.display(description="Flags")
    def flag_list(self, submission):
        return format_html_join(
            ", ", "{} ({})", ((f["name"], f["code"]) for f in submission.flags)
        )

    @admin.display(description="Answers as the patient saw them")
    def answer_table(self, submission):
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (row["question"], row["answer_text"], row.get("follow_up_answer", ""))
                for row in submission.answers
            ),
        )
        return format_html("<table><tbody>{}</tbody></table>", rows)

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            self.audit_refusal(request)
            raise PermissionDenied
        response = super().changelist_view(request, extra_context)
        audit.record(AuditEvent.Action.LIST, request=request, detail=self.list_detail_of(response))
        return response

    @staticmethod
    def list_detail_of(response):
        """ "admin list", with the page and the references on it when the list is shown
        (not when the admin answers with a redirect for a bad filter in the address)."""
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is None:
            return "admin list"
        references = [submission.reference for submission in changelist.result_list]
        every_row = not changelist.multi_page or (changelist.show_all and changelist.can_show_all)
        page = None if every_row else changelist.page_num
        return f"admin list, {AuditEvent.list_detail(references, page)}"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        submission = self.get_object(request, object_id)
        if submission is not None:
            self.audit_look(
                request, AuditEvent.Action.VIEW, submission,
                reference=submission.reference, detail="admin",
            )  # fmt: skip
        return super().change_view(request, object_id, form_url, extra_context)

    def audit_look(self, request, action, submission=None, **event):
        """Record the look, or, when the admin will refuse it, the refusal."""
        if self.has_view_permission(request, submission):
            audit.record(action, request=request, **event)
        else:
            self.audit_refusal(request)

    @staticmethod
    def audit_refusal(request):
        audit.record(AuditEvent.Action.DENIED, request=request, detail=request.path)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
