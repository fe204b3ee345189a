"""Campaigns, their targets, and nightly coverage snapshots."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models.pages import Programme

from .registry import InstitutionKind

DEFAULT_KINDS = [choice.value for choice in InstitutionKind]


def default_kinds():
    return list(DEFAULT_KINDS)


class Campaign(models.Model):
    """A drive toward public targets: unique learners completing, and institutions covered."""

    name = models.CharField(max_length=150, unique=True)
    programme = models.CharField(
        max_length=32,
        choices=Programme.choices,
        blank=True,
        help_text=_("Completions of courses in this programme count. Leave blank to count both."),
    )
    courses = models.ManyToManyField(
        "courses.CoursePage",
        blank=True,
        related_name="+",
        help_text=_(
            "Optional: only these courses count. Leave empty to count every course in the programme."
        ),
    )
    starts_on = models.DateField(help_text=_("Completions from this date count toward the learner target."))
    ends_on = models.DateField(null=True, blank=True, help_text=_("Leave blank for an open-ended campaign."))
    learner_target = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Unique learners completing, e.g. 100000. Blank for none.")
    )
    institution_kinds = models.JSONField(
        default=default_kinds,
        blank=True,
        help_text=_("Kinds of open institution the institution target covers. None: no institution target."),
    )
    staff_needed = models.PositiveSmallIntegerField(
        _("staff needed per institution"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_(
            "An institution is covered when at least this many of its staff hold a current certificate."
        ),
    )
    certificate_valid_months = models.PositiveSmallIntegerField(
        _("certificates count for (months)"),
        default=36,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("Certificates older than this stop counting toward coverage."),
    )
    self_declared_counts = models.BooleanField(
        _("self-declared memberships count"),
        default=True,
        help_text=_(
            "Untick to count only confirmed memberships (by invitation, added by programme staff or "
            "confirmed by the institution's lead) toward institution coverage."
        ),
    )
    is_public = models.BooleanField(
        _("show on the public site"),
        default=False,
        help_text=_("Public pages show this campaign's aggregate figures."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="schools_campaign_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(staff_needed__gte=1), name="schools_campaign_staff_needed_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(certificate_valid_months__gte=1),
                name="schools_campaign_validity_positive",
            ),
        ]

    def __str__(self):
        return self.name


class CoverageSnapshot(models.Model):
    """Coverage of one campaign on one day, per borough (borough empty: all of London)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="snapshots")
    borough = models.ForeignKey(
        "schools.Borough", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    taken_on = models.DateField()
    institutions_total = models.PositiveIntegerField()
    institutions_covered = models.PositiveIntegerField()
    learners_completed = models.PositiveIntegerField(
        help_text=_("Unique learners completing; per borough by the borough learners gave.")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-taken_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "borough", "taken_on"],
                condition=models.Q(borough__isnull=False),
                name="schools_snapshot_unique_borough_day",
            ),
            models.UniqueConstraint(
                fields=["campaign", "taken_on"],
                condition=models.Q(borough__isnull=True),
                name="schools_snapshot_unique_london_day",
            ),
            models.CheckConstraint(
                condition=models.Q(institutions_covered__lte=models.F("institutions_total")),
                name="schools_snapshot_covered_le_total",
            ),
        ]

    def __str__(self):
        return f"{self.campaign} {self.borough or 'London'} {self.taken_on}"
