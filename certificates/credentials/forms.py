from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 512 * 1024
MAX_PASTE_CHARS = 100_000
TOO_LARGE = _("This file is too large: a credential file or badge is under 512 KB.")


class CredentialVerifyForm(forms.Form):
    """A credential to check: pasted (the JWT or the .json file's text) or uploaded (the .json
    file or a badge image with the credential baked in)."""

    credential = forms.CharField(
        label=_("Paste the credential"),
        required=False,
        max_length=MAX_PASTE_CHARS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5, "spellcheck": "false", "autocomplete": "off"}),
        help_text=_("The text of the credential file, or the long code starting with “ey”."),
    )
    file = forms.FileField(
        label=_("Or upload the credential file or badge image"),
        required=False,
        help_text=_("A .json file, or a PNG or SVG badge image, up to 512 KB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".json,.jwt,.txt,.png,.svg,application/json,image/png,image/svg+xml"}
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("credential") and not cleaned.get("file"):
            raise forms.ValidationError(_("Paste a credential or choose a file to check."))
        if cleaned.get("credential") and cleaned.get("file"):
            raise forms.ValidationError(_("Paste a credential or choose a file, not both."))
        return cleaned

    def data_to_check(self) -> bytes:
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read(MAX_UPLOAD_BYTES + 1)
        return self.cleaned_data["credential"].encode()
