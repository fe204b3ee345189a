from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailOptOut(models.Model):
    """A learner has turned off one kind of non-essential email (absent: they receive it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_opt_outs"
    )
    kind = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    # "preferences" (the account page) or "unsubscribe" (a link or one-click header in an email)
    source = models.CharField(max_length=16, default="preferences")

    class Meta:
        verbose_name = _("email opt-out")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notifications_optout_unique"),
        ]

    def __str__(self):
        return f"{self.kind} off for user {self.user_id}"


class EmailSend(models.Model):
    """The send log: one row per email that must go at most once (its `kind` and `key`).

    A row is claimed before sending and marked sent after; a send that failed with an error is
    retried (the same row, a conditional update); one whose worker died between claim and send stays
    "sending" and is never sent again: a missed reminder is better than a duplicated one."""

    class Status(models.TextChoices):
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent (turned off or no longer due)")

    kind = models.CharField(max_length=64)
    key = models.CharField(max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="email_sends",
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.SENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("email sent")
        verbose_name_plural = _("emails sent")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="notifications_send_once"),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.kind} {self.key} ({self.status})"
