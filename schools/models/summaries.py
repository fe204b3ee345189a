"""A printed coverage summary: the figures a lead printed for governors or inspectors, kept so
the verify link on the paper shows the same aggregates (never a person's name or training)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_summary_code() -> str:
    return secrets.token_urlsafe(12)


class CoverageSummary(models.Model):
    institution = models.ForeignKey(
        "schools.Institution", on_delete=models.CASCADE, related_name="coverage_summaries"
    )
    code = models.CharField(max_length=32, unique=True, default=new_summary_code, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    staff_trained = models.PositiveIntegerField()
    staff_total = models.PositiveIntegerField(null=True, blank=True)
    # [{"title": course title, "completed": staff who completed it}] and the campaign's verdict.
    courses = models.JSONField(default=list, blank=True)
    campaign_name = models.CharField(max_length=150, blank=True)
    covered = models.BooleanField(null=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("coverage summary")
        verbose_name_plural = _("coverage summaries")

    def __str__(self):
        return f"{self.institution_id} {self.created_at:%Y-%m-%d}"
