"""Forms for training done elsewhere: adding a record, and deciding one."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .external import MAX_EVIDENCE_BYTES, evidence_sniff, external_trainings_available


class ExternalRecordForm(forms.Form):
    training = forms.ModelChoiceField(
        label=_("Which training"),
        queryset=external_trainings_available(),
        empty_label=_("Choose a training"),
        help_text=_("Only trainings the programme recognises are listed."),
    )
    completed_on = forms.DateField(
        label=_("Date you completed it"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The date on your certificate, for example 14/03/2025."),
    )
    provider = forms.CharField(
        label=_("Provider or instructor"),
        max_length=200,
        help_text=_("Who ran the training, for example the instructor's name or organisation."),
    )
    evidence = forms.FileField(
        label=_("Your certificate (PDF or photo)"),
        help_text=_(
            "A PDF, PNG or JPEG file of at most 5 MB. Only you, programme staff and the leads you "
            "share your training with can open it."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["training"].queryset = external_trainings_available()

    def clean_completed_on(self):
        day = self.cleaned_data["completed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        if day < date(2000, 1, 1):
            raise forms.ValidationError(_("Enter the date you completed the training."))
        return day

    def clean_evidence(self):
        upload = self.cleaned_data["evidence"]
        if upload.size > MAX_EVIDENCE_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB. Upload a smaller scan or photo."))
        if not upload.size:
            raise forms.ValidationError(_("The file is empty."))
        head = upload.read(16)
        upload.seek(0)
        if evidence_sniff(head) is None:
            raise forms.ValidationError(_("The file must be a PDF, PNG or JPEG file."))
        return upload


class ExternalDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("confirm", _("Confirm")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (the learner sees it)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when you decline, for example: the certificate shows a different name."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "decline" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why, so the learner knows what to do."))
        return cleaned
