"""Anonymous completion facts: what campaign figures need of a certificate whose holder was erased.

When a person's data is erased (lms.privacy), each of their certificates that counts toward campaigns
leaves one `CompletionFact`: the course, when it was completed, the borough the person gave and
each institution they were a member of (`CompletionFactInstitution`: whether they shared their
completion with it, and whether the membership was confirmed), since programme-level figures count
every member and a campaign may count confirmed memberships only, while a lead's view counts only
those who share. A confirmed record of training done elsewhere (`ExternalRecord`) leaves a fact
too, with the training and its date instead of a course and a completion time.

`person` is a random identifier drawn at erasure, shared by that person's facts only so that unique
learners are still counted once; nothing links it (or the fact) to the person, whose account,
certificates, records and memberships are gone. The coverage selectors add these facts to the live
certificates and records, so the count toward the learner target, institution coverage and
boroughs do not drop when someone is erased.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class CompletionFact(models.Model):
    person = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    # Training done elsewhere (a confirmed ExternalRecord): the training and its date instead.
    training = models.ForeignKey(
        "schools.ExternalTraining", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    completed_on = models.DateField(null=True, blank=True)
    borough = models.CharField(max_length=16, blank=True, default="")
    institutions = models.ManyToManyField(
        "schools.Institution", blank=True, related_name="+", through="CompletionFactInstitution"
    )

    class Meta:
        verbose_name = _("anonymous completion")
        verbose_name_plural = _("anonymous completions")
        indexes = [models.Index(fields=["course", "completed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(course__isnull=False, completed_at__isnull=False)
                    & models.Q(training__isnull=True, completed_on__isnull=True)
                )
                | (
                    models.Q(course__isnull=True, completed_at__isnull=True)
                    & models.Q(training__isnull=False, completed_on__isnull=False)
                ),
                name="schools_completion_fact_one_kind",
            )
        ]

    def __str__(self):
        if self.training_id:
            return f"anonymous record of external training {self.training_id}"
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
