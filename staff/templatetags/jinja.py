from django import template
from django.template import engines
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def jinja(context, name):
    """Render the Jinja2 template `name` here, with this template's context."""
    rendered = engines["jinja2"].get_template(name).render(context.flatten())
    # Jinja2 escaped every value already (autoescape=True in mesoinfo/jinja2.py).
    return mark_safe(rendered)  # noqa: S308  # nosec B308 B703
