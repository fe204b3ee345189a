"""allauth's sign-up form, made to cost the same whether or not the email already has an account,
with the platform's own labels (see login_form)."""

from allauth.account import forms as allauth_forms
from django.contrib.auth.hashers import make_password

from .login_form import relabel


class SignupForm(allauth_forms.SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        relabel(self)

    def try_save(self, request):
        """allauth answers a sign-up with an existing email exactly as it answers a new one (and emails
        the owner instead), but skips the password hashing a new account costs, so the response time
        alone would tell which addresses have accounts. Do the same hashing on both paths; the
        result is thrown away. Each path then sends one email."""
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)
