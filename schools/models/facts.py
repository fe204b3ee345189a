"""Anonymous completion facts: what campaign figures need of a certificate whose holder was erased.

When a person's data is erased (lms.privacy), each of their certificates that counts toward campaigns
leaves one `CompletionFact`: the course, when it was completed, the borough the person gave and
each institution they were a member of (`CompletionFactInstitution`: whether they shared their
completion with it, and whether the membership was confirmed), since programme-level figures count
every member and a campaign may count confirmed memberships only, while a lead's view counts only
those who share. `person` is a random identifier drawn at erasure,
shared by that person's facts only so that unique learners are still counted once; nothing links it
(or the fact) to the person, whose account, certificates and memberships are gone. The coverage
selectors add these facts to the live certificates, so the count toward the learner target,
institution coverage and boroughs do not drop when someone is erased.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class CompletionFact(models.Model):
    person = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="+")
    completed_at = models.DateTimeField()
    borough = models.CharField(max_length=16, blank=True, default="")
    institutions = models.ManyToManyField(
        "schools.Institution", blank=True, related_name="+", through="CompletionFactInstitution"
    )

    class Meta:
        verbose_name = _("anonymous completion")
        verbose_name_plural = _("anonymous completions")
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self):
        return f"anonymous completion of course {self.course_id}"


class CompletionFactInstitution(models.Model):
    """An institution the erased person was a member of, as coverage counted that membership."""

    fact = models.ForeignKey(CompletionFact, on_delete=models.CASCADE, related_name="memberships")
    institution = models.ForeignKey("schools.Institution", on_delete=models.CASCADE, related_name="+")
    shared = models.BooleanField(_("shared with the institution"), default=False)
    confirmed = models.BooleanField(_("membership confirmed"), default=False)

    class Meta:
        verbose_name = _("anonymous completion's institution")
        verbose_name_plural = _("anonymous completions' institutions")
        constraints = [
            models.UniqueConstraint(fields=["fact", "institution"], name="schools_fact_institution_unique")
        ]
        indexes = [models.Index(fields=["institution", "fact"])]

    def __str__(self):
        return f"anonymous completion {self.fact_id} at institution {self.institution_id}"
