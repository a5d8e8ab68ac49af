from django.contrib import admin

from content.models import Clinic


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "email"]

    def has_add_permission(self, request):
        return not Clinic.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
