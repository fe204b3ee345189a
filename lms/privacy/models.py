"""What the privacy app keeps: "download my data" archives (`DataExport`), erasures carried out
(`Erasure`), and data requests: people asking for a copy of their data or for its erasure, from
their account or by post or email to programme staff, each with its one-month legal deadline and a
log of actions."""

import calendar
import uuid
from datetime import date, timedelta

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



def one_month_after(day: date) -> date:
    """The legal deadline (UK GDPR article 12(3)): the same date next month, or that month's last
    day when it has no such date (31 January -> 28 or 29 February)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class DataRequest(models.Model):
    class Kind(models.TextChoices):
        EXPORT = "export", _("A copy of their data")
        ERASURE = "erasure", _("Erasure of their data")

    class Source(models.TextChoices):
        ACCOUNT = "account", _("From their account")
        EMAIL = "email", _("By email")
        POST = "post", _("By post")
        OTHER = "other", _("Another way")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Carried out")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    kind = models.CharField(_("request"), max_length=16, choices=Kind.choices)
    source = models.CharField(_("how they asked"), max_length=16, choices=Source.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    # Empty once the person's account has been erased: the request and its log stay, anonymous.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="data_requests",
    )
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    due_on = models.DateField(_("legal deadline"), editable=False)
    notes = models.TextField(
        _("notes"), blank=True,
        help_text=_(
            "How they asked and how you checked it was them. Nothing about their health. "
            "Cleared when their data is erased."
        ),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")
        ordering = ["status", "due_on", "pk"]
        indexes = [models.Index(fields=["person", "kind", "status"])]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    def save(self, *args, **kwargs):
        self.due_on = one_month_after(self.received_on)
        super().save(*args, **kwargs)

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and timezone.localdate() > self.due_on


class DataRequestAction(models.Model):
    """Something done about a data request: who (empty for the person themselves or the system)
    and when."""

    class Action(models.TextChoices):
        RECEIVED = "received", _("Received")
        EXPORT_STARTED = "export_started", _("Export started")
        EXPORT_DOWNLOADED = "export_downloaded", _("Export downloaded")
        ERASED = "erased", _("Data erased")
        WITHDRAWN = "withdrawn", _("Withdrawn by the person")
        CLOSED = "closed", _("Marked as carried out")
        REOPENED = "reopened", _("Opened again")

    request = models.ForeignKey(DataRequest, on_delete=models.CASCADE, related_name="actions")
    action = models.CharField(_("action"), max_length=32, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("data request action")
        verbose_name_plural = _("data request actions")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"
