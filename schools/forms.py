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


class StaffInviteForm(forms.Form):
    addresses = forms.CharField(
        label=_("Email addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "autocomplete": "off", "spellcheck": "false"}),
        help_text=_("Paste the addresses, one a line or separated by commas, at most 200 at a time."),
    )
    file = forms.FileField(
        label=_("Or upload a spreadsheet (CSV)"),
        required=False,
        help_text=_("Every cell that holds an email address is used; other columns are ignored."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean(self):
        from .invitations import MAX_UPLOAD_BYTES, addresses_parse

        cleaned = super().clean()
        upload = cleaned.get("file")
        upload_text = ""
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                self.add_error(
                    "file", gettext("The file is larger than 512 KB; upload a list of addresses only.")
                )
                return cleaned
            raw = upload.read()
            try:
                upload_text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                upload_text = raw.decode("cp1252", errors="replace")
        parsed = addresses_parse(text=cleaned.get("addresses", ""), upload_text=upload_text)
        if not parsed.valid:
            self.add_error(
                "addresses", gettext("Give at least one email address, pasted here or in a CSV file.")
            )
        cleaned["parsed"] = parsed
        return cleaned


class StaffTotalForm(forms.Form):
    staff_total = forms.IntegerField(
        label=_("Number of staff at your institution"),
        required=False,
        min_value=1,
        max_value=100_000,
        help_text=_(
            "All staff, teaching and support. Used only to show the share of your staff who are trained."
        ),
    )


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Show"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("Name")),
            ("status", _("Status")),
            ("activity", _("Last activity")),
            ("expiry", _("Certificate expiry")),
        ],
    )

    def __init__(self, *args, **kwargs):
        from .selectors.leads import status_choices

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", gettext("Everyone"))] + status_choices()
