"""The registry: London boroughs and the schools, colleges and universities in them."""

import secrets

from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read aloud
INVITATION_CODE_LENGTH = 10


def new_invitation_code() -> str:
    return "".join(secrets.choice(INVITATION_ALPHABET) for _ in range(INVITATION_CODE_LENGTH))


class Borough(models.Model):
    """One of the 33 London local authorities (loaded by a data migration; OGL v3)."""

    ons_code = models.CharField(_("ONS code"), max_length=9, unique=True)
    dfe_code = models.PositiveSmallIntegerField(_("DfE local-authority code"), unique=True)
    name = models.CharField(max_length=64, unique=True)
    is_inner = models.BooleanField(_("inner London"), default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class InstitutionKind(models.TextChoices):
    SCHOOL = "school", _("School")
    FE_COLLEGE = "fe_college", _("Further-education college")
    SIXTH_FORM_COLLEGE = "sixth_form_college", _("Sixth-form college")
    UNIVERSITY = "university", _("University")
    ALTERNATIVE_PROVISION = "alternative_provision", _("Alternative provision")
    OTHER_YOUTH_SETTING = "other_youth_setting", _("Other youth setting")


class InstitutionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    PROPOSED = "proposed", _("Proposed to open")


class InstitutionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=InstitutionStatus.OPEN)

    def counted_for(self, campaign):
        """THE rule for which institutions a campaign's institution target counts: open ones of the
        campaign's kinds (none when it has no institution target). Every coverage figure, report
        and filter starts from here; "covered" is `schools.selectors.covered_institutions`."""
        return self.open().filter(kind__in=campaign.institution_kinds or [])


class Institution(models.Model):
    """A school, college, university or other youth setting in London. Closed ones stay for history
    but never count toward a target."""

    class Source(models.TextChoices):
        GIAS = "gias", _("DfE register (GIAS)")
        MANUAL = "manual", _("Added by programme staff")

    kind = models.CharField(max_length=32, choices=InstitutionKind.choices, db_index=True)
    name = models.CharField(max_length=255)
    urn = models.PositiveIntegerField(
        _("URN"), null=True, blank=True, help_text=_("DfE unique reference number, if it has one.")
    )
    ukprn = models.PositiveIntegerField(
        _("UKPRN"), null=True, blank=True, help_text=_("UK provider reference number, if it has one.")
    )
    establishment_type = models.CharField(
        _("type"), max_length=100, blank=True, help_text=_("As the DfE register names it.")
    )
    phase = models.CharField(_("phase of education"), max_length=64, blank=True)
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="institutions")
    postcode = models.CharField(max_length=10, blank=True)
    status = models.CharField(
        max_length=16, choices=InstitutionStatus.choices, default=InstitutionStatus.OPEN
    )
    opened_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    pupil_count = models.PositiveIntegerField(_("pupils"), null=True, blank=True)
    # Contact details as the DfE register carries them (filled in by the register import).
    street = models.CharField(_("street"), max_length=200, blank=True)
    locality = models.CharField(_("locality"), max_length=200, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    telephone = models.CharField(_("telephone"), max_length=32, blank=True)
    website = models.CharField(_("website"), max_length=255, blank=True)
    head_name = models.CharField(_("head's name"), max_length=200, blank=True)
    staff_total = models.PositiveIntegerField(
        _("number of staff"),
        null=True,
        blank=True,
        help_text=_(
            "How many staff the institution has, as its lead recorded it (to show the percentage "
            "of staff trained)."
        ),
    )
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.MANUAL)
    invitation_code = models.CharField(
        max_length=16, unique=True, default=new_invitation_code, editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["urn"], condition=models.Q(urn__isnull=False), name="schools_institution_urn_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True)
                | models.Q(opened_on__isnull=True)
                | models.Q(closed_on__gte=models.F("opened_on")),
                name="schools_institution_closed_after_opened",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "kind", "borough"]),
            models.Index(Upper("postcode"), name="schools_inst_postcode_upper"),
        ]

    def __str__(self):
        return self.name
