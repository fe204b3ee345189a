"""Training done elsewhere: the recognised external trainings programme staff maintain, the records
learners add (or an attendance register import creates), and the register imports themselves.

A confirmed record counts toward coverage like a platform certificate of the same campaign, for its
training's own validity (`ExternalTraining.valid_months`). See `schools.selectors.coverage`.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.storage import certificate_storage

from .imports import UploadedImport


def evidence_path(record, filename):
    """Evidence is stored under a random-looking name: never the learner's own file name."""
    import secrets

    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"external-evidence/{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{suffix[:5]}"


class ExternalTraining(models.Model):
    """A training from another provider that campaigns recognise (e.g. Youth MHFA in person)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    provider = models.CharField(
        _("provider"), max_length=200, help_text=_("Who runs it, e.g. MHFA England licensed instructors.")
    )
    campaigns = models.ManyToManyField(
        "schools.Campaign",
        blank=True,
        related_name="external_trainings",
        verbose_name=_("campaigns it counts for"),
    )
    valid_months = models.PositiveSmallIntegerField(
        _("stays current for (months)"),
        default=36,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("A confirmed record stops counting on this anniversary of the training date."),
    )
    is_active = models.BooleanField(
        _("learners can add it"),
        default=True,
        help_text=_("Untick to stop new records; confirmed ones keep counting while current."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("recognised external training")
        verbose_name_plural = _("recognised external trainings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_months__gte=1), name="schools_external_training_validity_positive"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.provider})"


class ExternalRecord(models.Model):
    """One person's training done elsewhere, waiting for confirmation, confirmed or declined.

    A register import may create a record before its person has an account: it then waits with no
    user, keyed by `email`, and attaches when someone signs up and verifies that address."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")

    class Source(models.TextChoices):
        LEARNER = "learner", _("Added by the learner")
        REGISTER = "register", _("Attendance register")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="external_records",
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("For register records: who it is for."))
    attendee_name = models.CharField(_("name on the register"), max_length=200, blank=True)
    training = models.ForeignKey(ExternalTraining, on_delete=models.PROTECT, related_name="records")
    completed_on = models.DateField(_("date of the training"))
    provider = models.CharField(_("provider or instructor"), max_length=200, blank=True)
    institution = models.ForeignKey(
        "schools.Institution", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    evidence = models.FileField(
        _("evidence"), storage=certificate_storage, upload_to=evidence_path, blank=True
    )
    evidence_type = models.CharField(max_length=32, blank=True)  # sniffed from the content
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.LEARNER)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(_("reason"), blank=True)
    register_import = models.ForeignKey(
        "schools.RegisterImport", on_delete=models.SET_NULL, null=True, blank=True, related_name="records"
    )
    invited_at = models.DateTimeField(null=True, blank=True)  # the claim invitation, sent once
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-completed_on", "-pk"]
        verbose_name = _("external training record")
        constraints = [
            # One register record per person, training and day: re-importing a file changes nothing.
            models.UniqueConstraint(
                Lower("email"),
                "training",
                "completed_on",
                condition=models.Q(source="register"),
                name="schools_external_register_row_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(email=""),
                name="schools_external_record_has_person",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "status", "training", "completed_on"]),
            models.Index(fields=["status", "training", "completed_on"]),
        ]

    def __str__(self):
        return f"{self.training.name} on {self.completed_on:%Y-%m-%d} ({self.get_status_display()})"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def valid_until(self):
        """The last day this record counts toward coverage once confirmed (its training's validity,
        ending the day before the anniversary, as for a certificate)."""
        from certificates.validity import last_counting_day

        return last_counting_day(completed_on=self.completed_on, months=self.training.valid_months)


class RegisterImport(UploadedImport):
    """An instructor's attendance register uploaded by programme staff, imported by a Celery task."""

    file = models.FileField(upload_to="attendance-registers/%Y/%m/", storage=certificate_storage)

    class Meta(UploadedImport.Meta):
        verbose_name = _("attendance register import")
