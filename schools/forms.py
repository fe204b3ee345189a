from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

SHARE_HELP = _(
    "If you tick this, the leads at %(name)s will see your name, email address, your progress in "
    "courses on this site and the dates you completed them, and your certificates will count toward "
    "%(name)s's training coverage. You can change this or leave at any time from your account."
)


class InstitutionSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, URN or postcode"),
        max_length=100,
        help_text=_("For example: Elm Park Primary, 100000 or NW1 2AB."),
    )


class InvitationCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Invitation code"),
        max_length=20,
        help_text=_("The code a lead at your school, college or university gave you."),
    )


class JoinForm(forms.Form):
    shares_completion = forms.BooleanField(required=False)

    def __init__(self, *args, institution, via_invitation=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["shares_completion"]
        field.label = gettext("Share my training progress and completions with %(name)s") % {
            "name": institution.name
        }
        field.help_text = SHARE_HELP % {"name": institution.name}
        field.initial = via_invitation


class SharingForm(forms.Form):
    shares_completion = forms.BooleanField(required=False, label=_("Share my training with this institution"))
