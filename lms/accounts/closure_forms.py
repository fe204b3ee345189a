"""The "Delete my account" confirmation: the password, and the second factor if the account has one
(a code from the authenticator app or a recovery code, each usable once)."""

import contextlib

from allauth.mfa.base.forms import BaseAuthenticateForm
from allauth.mfa.models import Authenticator
from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

# Wrong passwords allowed per account in ATTEMPT_WINDOW seconds before the form stops checking.
MAX_ATTEMPTS = 5
ATTEMPT_WINDOW = 15 * 60


class AccountCloseForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        help_text=_("Or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.needs_code = Authenticator.objects.filter(
            user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES]
        ).exists()
        if self.needs_code:
            self.fields["code"].required = True
            self.fields["code"].error_messages["required"] = _(
                "Enter the code from your authenticator app"
            )
        else:
            del self.fields["code"]
        self.fields["password"].error_messages["required"] = _("Enter your password")

    def _attempts_key(self):
        return f"accounts:close-attempts:{self.user.pk}"

    def clean_password(self):
        password = self.cleaned_data["password"]
        if cache.get(self._attempts_key(), 0) >= MAX_ATTEMPTS:
            raise forms.ValidationError(
                _("Too many wrong passwords. Wait 15 minutes, then try again."), code="rate_limited"
            )
        if not self.user.check_password(password):
            cache.add(self._attempts_key(), 0, timeout=ATTEMPT_WINDOW)
            with contextlib.suppress(ValueError):
                cache.incr(self._attempts_key())
            raise forms.ValidationError(_("The password is not right"), code="wrong_password")
        return password

    def clean_code(self):
        code = self.cleaned_data.get("code", "")
        if "password" not in self.cleaned_data:
            return code  # no code is checked (and spent) for a wrong password
        second = BaseAuthenticateForm(data={"code": code}, user=self.user)
        if not second.is_valid():
            raise forms.ValidationError(
                _("The code is not right, or has been used already"), code="wrong_code"
            )
        return code
