"""allauth's sign-in form (and, through `relabel`, the sign-up form) with the platform's own
labels, so that they are in its catalogues (allauth has no Bengali or Urdu translation), and no
placeholders.
Kept apart from forms.py: allauth's forms module imports SignupDetailsForm from there."""

from allauth.account import forms as allauth_forms
from django.utils.translation import gettext_lazy as _

LABELS = {
    "login": _("Email"),
    "email": _("Email"),
    "password": _("Password"),
    "password1": _("Password"),
    "password2": _("Password (again)"),
    "remember": _("Remember me"),
}


def relabel(form):
    for name, field in form.fields.items():
        if name in LABELS:
            field.label = LABELS[name]
        field.widget.attrs.pop("placeholder", None)


class LoginForm(allauth_forms.LoginForm):
    """Also without the reset link inside the password hint: the page has its own link after the
    button, so the keyboard order is email, password, sign in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        relabel(self)
        self.fields["password"].help_text = ""
