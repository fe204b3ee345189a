from django import forms
from django.utils.translation import gettext_lazy as _

from .codes import normalise_code


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=64,
        help_text=_(
            "The 16 letters and numbers printed on the certificate, for example "
            "7KQ2-M9XD-3HWP-R4TB. Spaces, hyphens and small letters are fine."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("Enter the code exactly as printed: 16 letters and numbers, like 7KQ2-M9XD-3HWP-R4TB.")
            )
        return code


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Shown publicly on the verify page next to the certificate, so write it for an "
            "employer or school reading it. Do not include personal or health information."
        ),
    )
