"""Learner progress. Plain Django models that point at pages; they never subclass Page."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Enrollment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="enrollments"
    )
    started_at = models.DateTimeField(default=timezone.now)
    last_module = models.ForeignKey(
        "courses.ModulePage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_visited_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="courses_enrollment_unique"),
        ]
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self):
        return f"{self.user} in {self.course_id}"


class ModuleProgress(models.Model):
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="modules")
    module = models.ForeignKey("courses.ModulePage", on_delete=models.PROTECT, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "module"], name="courses_moduleprogress_unique"
            ),
        ]

    def __str__(self):
        return f"module {self.module_id} done in enrollment {self.enrollment_id}"


class QuizPaper(models.Model):
    """What one attempt asks: the questions drawn from the module (all, or N of a pool) and the
    order their options are shown in. Drawn on the server the first time the learner is shown
    that attempt's form, so a reload, a second tab or a replay shows the same paper; the browser
    only names the attempt number, never the order or the draw. Identifiers only."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="papers")
    module = models.ForeignKey("courses.ModulePage", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveSmallIntegerField(help_text="The attempt number this paper was drawn for.")
    layout = models.JSONField(
        help_text="[[question id, [option id, ...]], ...] in the order shown to the learner."
    )
    drawn_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "module", "number"], name="courses_paper_unique_number"
            ),
        ]

    def __str__(self):
        return f"paper {self.number} of module {self.module_id} in enrollment {self.enrollment_id}"


class QuizAttempt(models.Model):
    """One graded submission of a module's questions. Stores chosen option ids, never free text."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="attempts")
    module = models.ForeignKey("courses.ModulePage", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveSmallIntegerField(
        default=1, help_text="1 for the learner's first attempt at this module, 2 for the first retake..."
    )
    answers = models.JSONField(
        help_text="Question id -> list of chosen option ids (identifiers only)."
    )
    correct_count = models.PositiveSmallIntegerField()
    question_count = models.PositiveSmallIntegerField()
    score = models.PositiveSmallIntegerField(help_text="Percentage of questions answered correctly.")
    passed = models.BooleanField()
    submitted_at = models.DateTimeField(default=timezone.now)
    paper = models.ForeignKey(
        QuizPaper, on_delete=models.CASCADE, null=True, blank=True, related_name="attempts",
        help_text="The paper these answers were given on (empty for attempts stored before papers).",
    )
    answers_digest = models.CharField(
        max_length=64, blank=True, default="",
        help_text="SHA-256 of the normalised answers: the same answers on the same paper are one "
        "attempt, however often they are posted.",
    )

    class Meta:
        indexes = [models.Index(fields=["enrollment", "module", "passed"])]
        constraints = [
            # Ten concurrent posts of the same answers on one paper store one attempt.
            models.UniqueConstraint(
                fields=["paper", "answers_digest"], name="courses_attempt_unique_answers_per_paper"
            ),
            # A replayed or double-clicked submission cannot store a second copy of one attempt.
            models.UniqueConstraint(
                fields=["enrollment", "module", "number"], name="courses_attempt_unique_number"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=0, score__lte=100), name="courses_attempt_score_0_100"
            ),
            models.CheckConstraint(
                condition=models.Q(correct_count__lte=models.F("question_count")),
                name="courses_attempt_correct_le_total",
            ),
        ]

    def __str__(self):
        outcome = "passed" if self.passed else "not passed"
        return f"attempt on module {self.module_id}: {self.score}% ({outcome})"
