from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lms.i18n import html_lang, language_for, text_direction

from .models import User


class LanguageSelect(forms.Select):
    """Each language named in itself, tagged with its language and direction for screen readers."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"].update(lang=html_lang(value), dir=text_direction(value))
        return option


class SignupDetailsForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        help_text=_("As you would like it printed on your certificates."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["full_name", "email", "password1", "password2"]

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Enter your full name"))
        return name

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"]
        user.save(update_fields=["full_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "preferred_language", "borough", "role"]
        labels = {
            "preferred_language": _("Language"),
            "borough": _("Borough (optional)"),
            "role": _("Role (optional)"),
        }
        help_texts = {
            "full_name": _("As you would like it printed on your certificates."),
            "borough": _("Where you live or work. This helps us report training across London."),
            "preferred_language": _(
                "The language of this site, your emails, reminders and certificates."
            ),
            "role": _("This helps us report who is taking the training."),
        }
        widgets = {"full_name": forms.TextInput(attrs={"autocomplete": "name"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["borough"].choices = [("", _("Prefer not to say")), *self.fields["borough"].choices[1:]]
        self.fields["role"].choices = [("", _("Prefer not to say")), *self.fields["role"].choices[1:]]
        # Offered languages come from settings, not from model choices: a new one needs no migration.
        self.fields["preferred_language"] = forms.ChoiceField(
            label=self.fields["preferred_language"].label,
            help_text=self.fields["preferred_language"].help_text,
            choices=settings.LANGUAGES,
            initial=language_for(self.instance),
            widget=LanguageSelect,
            required=False,  # left out: unchanged
        )
        self.initial["preferred_language"] = language_for(self.instance)

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Enter your full name"))
        return name

    def clean_preferred_language(self):
        return self.cleaned_data.get("preferred_language") or None
