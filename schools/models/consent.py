"""Proof of what learners agreed to share with their institution's leads, and a log of the staff
lists leads download."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SharingConsent(models.Model):
    """One choice about sharing training with an institution's leads: agreed or withdrawn, when,
    how, and the words the learner was shown (and their version). Never edited: the history is kept,
    and the latest row matches `Membership.shares_completion`."""

    class Via(models.TextChoices):
        INVITATION = "invitation", _("When joining from an invitation")
        JOINING = "joining", _("When joining")
        LATER = "later", _("A later choice on their account")
        LEFT = "left", _("Left the institution")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sharing_consents"
    )
    institution = models.ForeignKey(
        "schools.Institution", on_delete=models.CASCADE, related_name="sharing_consents"
    )
    agreed = models.BooleanField(_("agreed to share"))
    via = models.CharField(_("how"), max_length=16, choices=Via.choices)
    wording = models.TextField(_("wording shown"), blank=True)
    wording_version = models.CharField(_("wording version"), max_length=32, blank=True)
    language = models.CharField(_("language"), max_length=16, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("sharing consent")
        verbose_name_plural = _("sharing consents")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["user", "institution", "at"])]

    def __str__(self):
        return f"{self.user_id} {'agreed' if self.agreed else 'withdrew'} {self.institution_id}"


class LeadExport(models.Model):
    """A lead downloaded their institution's staff list (names, emails, training)."""

    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("lead"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )
    institution = models.ForeignKey(
        "schools.Institution", verbose_name=_("institution"), on_delete=models.CASCADE,
        related_name="lead_exports",
    )
    rows = models.PositiveIntegerField(_("people listed"))
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("lead export")
        verbose_name_plural = _("lead exports")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.institution_id} {self.at:%Y-%m-%d %H:%M}"
