from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout


def form_helper(*layout):
    """A crispy-forms helper for a form inside the page's own <form> tag."""
    helper = FormHelper()
    helper.form_tag = False
    # The page's own form tag carries the CSRF token; a second one from crispy would be
    # stored in cached fragments and sent back stale.
    helper.disable_csrf = True
    helper.layout = Layout(*layout)
    return helper
