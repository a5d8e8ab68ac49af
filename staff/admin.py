from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django_otp.plugins.otp_totp import admin as django_otp_admin
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.models import sign_out_everywhere

User = get_user_model()


class StaffUserAdmin(UserAdmin):
    actions = ["sign_out_everywhere"]

    @admin.action(description="Sign out everywhere (every device)", permissions=["change"])
    def sign_out_everywhere(self, request, queryset):
        for user in queryset:
            sign_out_everywhere(user, by=request.user, request=request)
        count = len(queryset)
        self.message_user(
            request,
            f"Signed out {count} user{'s' if count != 1 else ''} on every device.",
            messages.SUCCESS,
        )


admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)


class TOTPDeviceAdmin(django_otp_admin.TOTPDeviceAdmin):
    """Devices are set up by their owner at sign-in. An admin who could add one with a
    secret of their choosing, then reset the password, could sign in as that person."""

    def has_add_permission(self, request):
        return False


admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, TOTPDeviceAdmin)
