from django import forms

SHARE_HELP = (
    "If you tick this, the leads at {name} will see your name, email address, your progress in "
    "courses on this site and the dates you completed them, and your certificates will count toward "
    "{name}'s training coverage. You can change this or leave at any time from your account."
)


class InstitutionSearchForm(forms.Form):
    q = forms.CharField(
        label="Name, URN or postcode",
        max_length=100,
        help_text="For example: Elm Park Primary, 100000 or NW1 2AB.",
    )


class InvitationCodeForm(forms.Form):
    code = forms.CharField(
        label="Invitation code",
        max_length=20,
        help_text="The code a lead at your school, college or university gave you.",
    )


class JoinForm(forms.Form):
    shares_completion = forms.BooleanField(required=False)

    def __init__(self, *args, institution, via_invitation=False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["shares_completion"]
        field.label = f"Share my training progress and completions with {institution.name}"
        field.help_text = SHARE_HELP.format(name=institution.name)
        field.initial = via_invitation


class SharingForm(forms.Form):
    shares_completion = forms.BooleanField(required=False, label="Share my training with this institution")
