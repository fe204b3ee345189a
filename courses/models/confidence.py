"""The optional before-and-after confidence check that evaluators use.

Trainers write, per course, a few statements about confidence and knowledge in helping others
(never about the learner's own mental health). A learner is offered them once before the first
module and once after completing the course, and may skip them.

Answers are anonymous by construction:
- a `ConfidenceResponse` has no link to a user, an enrollment or an offer, and no time finer than the
  month; its primary key is random (a UUID), so neither the order of rows nor their ids line up
  with the offers, which do point at enrollments;
- a learner's before and after answers share a random `pair_token` that only their browser keeps
  (a signed cookie); the database never stores it next to anything that names them;
- `ConfidenceOffer` records only that the learner was offered a phase (answered and skipped look
  the same), so the questionnaire is not shown twice.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

from ..confidence_blocks import StatementStreamBlock


class Phase(models.TextChoices):
    BEFORE = "before", _("Before the course")
    AFTER = "after", _("After completing the course")


SCALE_MIN, SCALE_MAX = 1, 5


class ConfidenceCheck(TranslatableMixin, models.Model):
    """A course's questionnaire: the statements shown before and after, the same both times."""

    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("course"),
        help_text=_("The English course. Translations of the course show this check's translations."),
    )
    statements = StreamField(
        StatementStreamBlock(), verbose_name=_("statements"),
        help_text=_(
            "Three to ten short statements a learner rates from “strongly disagree” to “strongly "
            "agree”, each about confidence or knowledge in helping someone else."
        ),
    )
    live = models.BooleanField(
        _("offered to learners"), default=True,
        help_text=_("Untick to stop offering this check. Answers already given are kept for the report."),
    )

    panels = [
        HelpPanel(
            content=_(
                "<p>Learners see these statements once before the first module and once after "
                "completing the course. It is optional and anonymous: answers are never linked "
                "to an account. Write only about confidence and knowledge in helping others, "
                "never about the learner's own mental health.</p>"
            ),
            heading=_("About the confidence check"),
        ),
        FieldPanel("course"),
        FieldPanel("statements"),
        FieldPanel("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("confidence check")
        verbose_name_plural = _("confidence checks")

    def __str__(self):
        return str(_("Confidence check: %(course)s") % {"course": self.course.title})


class ConfidenceOffer(models.Model):
    """That a learner has been offered one phase of a course's check: whether they answered or
    skipped is not recorded here (nor anywhere that names them)."""

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="confidence_offers"
    )
    phase = models.CharField(max_length=8, choices=Phase.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "phase"], name="courses_confidence_offer_once"),
        ]

    def __str__(self):
        return f"{self.phase} offered in enrollment {self.enrollment_id}"


class ConfidenceResponse(models.Model):
    """One anonymous set of answers. No user, no enrollment, no timestamp: see the module docstring."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    confidence_check = models.ForeignKey(
        ConfidenceCheck, on_delete=models.PROTECT, related_name="responses"
    )
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="+")
    phase = models.CharField(max_length=8, choices=Phase.choices)
    pair_token = models.CharField(
        max_length=64, db_index=True,
        help_text="Random; the same for one browser's before and after answers to one check.",
    )
    period = models.DateField(help_text="The first day of the month the answers were given in.")
    borough = models.CharField(max_length=16, blank=True, default="")
    role = models.CharField(max_length=32, blank=True, default="")
    language = models.CharField(max_length=16, blank=True, default="")

    class Meta:
        indexes = [models.Index(fields=["course", "phase", "period"])]

    def __str__(self):
        return f"{self.phase} answers to check {self.confidence_check_id}"


class ConfidenceAnswer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(ConfidenceResponse, on_delete=models.CASCADE, related_name="answers")
    statement_id = models.CharField(max_length=64, help_text="The statement block's id in the check.")
    statement = models.CharField(max_length=255, help_text="The English statement when it was answered.")
    value = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement_id"], name="courses_confidence_answer_once"
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=SCALE_MIN, value__lte=SCALE_MAX),
                name="courses_confidence_answer_on_scale",
            ),
        ]

    def __str__(self):
        return f"{self.value} to {self.statement_id}"
