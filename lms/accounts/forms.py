from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


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
        fields = ["full_name", "borough", "role"]
        labels = {"borough": _("Borough (optional)"), "role": _("Role (optional)")}
        help_texts = {
            "full_name": _("As you would like it printed on your certificates."),
            "borough": _("Where you live or work. This helps us report training across London."),
            "role": _("This helps us report who is taking the training."),
        }
        widgets = {"full_name": forms.TextInput(attrs={"autocomplete": "name"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["borough"].choices = [("", _("Prefer not to say")), *self.fields["borough"].choices[1:]]
        self.fields["role"].choices = [("", _("Prefer not to say")), *self.fields["role"].choices[1:]]

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Enter your full name"))
        return name
