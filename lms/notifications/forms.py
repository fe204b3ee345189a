from django import forms
from django.utils.translation import gettext_lazy as _

from . import registry


class EmailPreferencesForm(forms.Form):
    """One tick box per optional kind of email; ticked means "send me these"."""

    receive = forms.MultipleChoiceField(
        label=_("Send me these emails"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Emails about your account and your certificates are always sent: they are essential."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receive"].choices = [
            (kind.key, kind.label) for kind in registry.optional_kinds()
        ]
