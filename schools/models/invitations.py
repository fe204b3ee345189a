"""Invitations a lead sends by email, and invitation codes that were replaced."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StaffInvitation(models.Model):
    """A lead invited this address to join the institution (one row per institution and address).

    The email carries the institution's invitation link; the person's status (invited, joined, in
    progress, completed) is read from their account and membership, never stored here."""

    institution = models.ForeignKey(
        "schools.Institution", on_delete=models.CASCADE, related_name="staff_invitations"
    )
    email = models.EmailField(_("email address"))
    language = models.CharField(
        _("language"), max_length=16, blank=True, help_text=_("The language the invitation was written in.")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_sent_at = models.DateTimeField(default=timezone.now)
    sends = models.PositiveSmallIntegerField(default=1, help_text=_("The invitation and its reminders."))

    class Meta:
        ordering = ["email"]
        verbose_name = _("staff invitation")
        constraints = [
            models.UniqueConstraint(fields=["institution", "email"], name="schools_invitation_unique"),
        ]

    def __str__(self):
        return f"{self.email} to {self.institution_id}"


class RetiredInvitationCode(models.Model):
    """An institution's earlier invitation code: its link says it was replaced, and joins nothing."""

    institution = models.ForeignKey(
        "schools.Institution", on_delete=models.CASCADE, related_name="retired_invitation_codes"
    )
    code = models.CharField(max_length=16, unique=True)
    retired_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("replaced invitation code")

    def __str__(self):
        return self.code
