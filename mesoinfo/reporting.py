from django.views.debug import SafeExceptionReporterFilter


class HealthDataReporterFilter(SafeExceptionReporterFilter):
    """Error reports (emails to ADMINS, logs) never carry what a patient or staff member
    typed, nor cookies or session ids: only where the error happened."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        return {k: v for k, v in meta.items() if k in {"REQUEST_METHOD", "PATH_INFO"}}

    def get_safe_cookies(self, request):
        return dict.fromkeys(getattr(request, "COOKIES", {}), self.cleansed_substitute)
