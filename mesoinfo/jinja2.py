"""Jinja2, for the few templates that print long tables on busy staff pages.

Profiling showed Django's template language taking over half of the review queue's and
the submission page's time, almost all of it in the loops over rows. Jinja2 compiles a
template to Python code, so the same loop runs several times faster. Everything else,
including the one base layout, stays in Django templates; `{% jinja "name" %}` (from
`staff.templatetags.jinja`) drops a Jinja2 template into one, with the same context.
Output is autoescaped, and a misspelt variable is an error rather than a blank.
"""

from datetime import datetime

from django.template import defaultfilters
from django.utils.timezone import template_localtime
from jinja2 import Environment, StrictUndefined


def environment(**options):
    options.pop("autoescape", None)
    options["undefined"] = StrictUndefined
    env = Environment(autoescape=True, **options)
    env.filters.update(date=date, linebreaksbr=defaultfilters.linebreaksbr)
    return env


def date(value, format_string):
    """Django's `date` filter, in the site's time zone as a Django template would show it."""
    if isinstance(value, datetime):
        value = template_localtime(value)
    return defaultfilters.date(value, format_string)
