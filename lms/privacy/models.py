import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .storage import export_storage

EXPORT_KEEP_DAYS = 7


class DataExport(models.Model):
    """One "download my data" archive: requested, built by a Celery task, downloadable by its owner
    for `EXPORT_KEEP_DAYS` days, then deleted (file and row) by a periodic task."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready to download")
        FAILED = "failed", _("Could not be prepared")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    file = models.FileField(storage=export_storage, upload_to="exports/", blank=True)
    size = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("personal data export")
        ordering = ["-requested_at"]
        constraints = [
            # A double click or a second tab cannot start a second export while one is prepared.
            models.UniqueConstraint(
                fields=["user"], condition=Q(status="pending"), name="privacy_one_pending_export"
            ),
        ]

    def __str__(self):
        return f"export {self.public_id} ({self.status})"

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY and bool(self.file)

    @staticmethod
    def expiry_from(ready_at):
        return ready_at + timedelta(days=EXPORT_KEEP_DAYS)


class Erasure(models.Model):
    """That someone's personal data was erased, and by whom: nothing about the person erased.

    `number` gives a former staff member's pseudonym ("Former staff member #<number>"), the
    placeholder account their published work and audit-log entries now point at."""

    erased_at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Programme staff who carried the erasure out; empty when the person asked themselves."),
    )
    reason = models.CharField(max_length=200, blank=True, default="")
    was_staff = models.BooleanField(default=False)
    certificates_withdrawn = models.PositiveIntegerField(default=0)
    facts_kept = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("erasure")
        ordering = ["-erased_at"]

    def __str__(self):
        return f"erasure {self.pk} on {self.erased_at:%Y-%m-%d}"
