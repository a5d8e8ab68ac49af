"""The site's URLs plus one view that fails after reading what was typed (tests only)."""

from django.urls import path

from mesoinfo.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def fails_after_reading_the_form(request):
    typed = request.POST.get("medicines", "")
    raise RuntimeError("something broke" if typed else "nothing typed")


urlpatterns = [*urlpatterns, path("test-failure/", fails_after_reading_the_form)]
