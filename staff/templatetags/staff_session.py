from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def idle_warning_script(into, warning_class):
    """The script that warns staff shortly before the idle sign-out."""
    return format_html(
        '<script src="{}" data-idle-seconds="{}" data-into="{}" data-warning-class="{}" '
        'data-still-here="{}" defer></script>',
        static("js/idle-warning.js"),
        settings.STAFF_IDLE_TIMEOUT,
        into,
        warning_class,
        reverse("staff:still-here"),
    )
