from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout
from django.core.exceptions import ValidationError


def form_helper(*layout):
    """A crispy-forms helper for a form inside the page's own <form> tag."""
    helper = FormHelper()
    helper.form_tag = False
    # The page's own form tag carries the CSRF token; a second one from crispy would be
    # stored in cached fragments and sent back stale.
    helper.disable_csrf = True
    helper.layout = Layout(*layout)
    return helper


def within_limit(limit, what):
    """A length check for a text box, used instead of max_length: that would put a
    maxlength on the box, and browsers cut a longer paste without a word. The length is
    counted as the person sees it (a new line is one character, though browsers send
    two), and the message is not %-formatted, since `what` may quote an admin's "%"."""

    def check(text):
        length = len(text.replace("\r\n", "\n"))
        if length > limit:
            raise ValidationError(
                f"Shorten {what} to {limit:,} characters or fewer (it has {length:,})",
                code="max_length",
            )

    return check
