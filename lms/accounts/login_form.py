"""Kept apart from forms.py: allauth's forms module imports SignupDetailsForm from there."""

from allauth.account import forms as allauth_forms


class LoginForm(allauth_forms.LoginForm):
    """allauth's sign-in form without the reset link inside the password hint: the page has its own
    link after the button, so the keyboard order is email, password, sign in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
