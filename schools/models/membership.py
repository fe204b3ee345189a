"""A learner's link to an institution they work at."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Membership(models.Model):
    class Role(models.TextChoices):
        STAFF = "staff", pgettext_lazy("membership role", "Staff")
        LEAD = "lead", pgettext_lazy("membership role", "Lead")

    class JoinedVia(models.TextChoices):
        SEARCH = "search", _("Found it by searching")
        INVITATION = "invitation", _("Invitation from the institution")
        ADMIN = "admin", _("Added by programme staff")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="school_memberships"
    )
    institution = models.ForeignKey(
        "schools.Institution", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.STAFF)
    shares_completion = models.BooleanField(
        _("shares completion"),
        default=False,
        help_text=_(
            "The learner agreed that the institution's leads may see their course progress "
            "and completion dates, and that their certificates count toward its coverage."
        ),
    )
    joined_via = models.CharField(max_length=16, choices=JoinedVia.choices, default=JoinedVia.SEARCH)
    joined_at = models.DateTimeField(default=timezone.now)
    lead_requested_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the learner asked to become a lead (cleared on decision).")
    )
    confirmed_at = models.DateTimeField(
        _("confirmed"),
        null=True,
        blank=True,
        help_text=_(
            "When the membership was confirmed: it came by invitation, programme staff added it, or a "
            "lead of the institution confirmed it. Empty: self-declared (joined by searching)."
        ),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "institution"], name="schools_membership_unique"),
        ]
        indexes = [models.Index(fields=["institution", "shares_completion", "user"])]

    def __str__(self):
        return f"{self.user} at {self.institution} ({self.get_role_display()})"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def is_lead(self) -> bool:
        return self.role == self.Role.LEAD
