"""Writes for the progress tracker. Views and pages call these; nothing else writes progress.

Each service runs in one transaction (`savepoint=False`: inside a caller's transaction, an error
rolls back the caller's work too, so nothing is ever half-written). Every write that can
complete a course locks the learner's enrollment row first
(`SELECT ... FOR UPDATE` on PostgreSQL; SQLite serialises writers), so two requests finishing the
last two modules at once cannot both miss the completion, and `enrollment_complete` sets
`completed_at` with a conditional UPDATE, so only one of them queues the certificate.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.queueing import enqueue_on_commit

from .models import CoursePage, Enrollment, ModulePage, ModuleProgress, QuizAttempt
from .progress_selectors import STEPLEN, enrollment_is_complete

CERTIFICATE_TASK = "certificates.tasks.issue_certificate"


class ProgressError(ValidationError):
    """The request cannot change progress (unknown, unpublished or foreign module...)."""


class ModuleUnavailable(ProgressError):
    """The module or course is not published, or the module is not part of the course."""


@dataclass
class Completion:
    enrollment: Enrollment
    module: ModulePage
    course_completed_now: bool


def _check_course(course):
    if not isinstance(course, CoursePage) or not course.live:
        raise ModuleUnavailable(_("This course is not available."), code="course_unavailable")


def _check_module(course, module):
    _check_course(course)
    if (
        not isinstance(module, ModulePage)
        or not module.live
        or module.path[:-STEPLEN] != course.path
    ):
        raise ModuleUnavailable(_("This module is not part of a published course."), code="unavailable")


def _locked_enrollment(*, user, course) -> Enrollment:
    """The learner's enrollment in `course`, created if needed, locked until the transaction ends.
    Must run inside `transaction.atomic()`. One query when the learner already started."""
    query = Enrollment.objects.select_for_update(of=("self",)).filter(user=user, course=course)
    enrollment = query.first()
    if enrollment is None:
        # INSERT ... ON CONFLICT DO NOTHING: a concurrent start wins quietly, then we read its row.
        Enrollment.objects.bulk_create([Enrollment(user=user, course=course)], ignore_conflicts=True)
        enrollment = query.get()
    enrollment.course = course
    return enrollment


def enrollment_start(*, user, course) -> Enrollment:
    """Start `course` for `user`, or return the enrollment they already have (safe to repeat)."""
    _check_course(course)
    with transaction.atomic(savepoint=False):
        return _locked_enrollment(user=user, course=course)


def enrollment_complete(*, enrollment) -> bool:
    """Record the completion of `enrollment` if the completion rule holds and it is not already
    complete. Returns True only for the one call that completed it; that call also queues the
    certificate once the transaction commits (if the broker is down the completion still stands
    and the certificates sweep issues it later)."""
    if enrollment.completed_at is not None or not enrollment_is_complete(enrollment=enrollment):
        return False
    now = timezone.now()
    updated = Enrollment.objects.filter(pk=enrollment.pk, completed_at__isnull=True).update(
        completed_at=now
    )
    if updated != 1:
        return False
    enrollment.completed_at = now
    enqueue_on_commit(CERTIFICATE_TASK, enrollment.pk)
    return True


def module_complete(*, user, course, module) -> Completion:
    """Mark `module` done for `user` (starting the course if needed) and complete the course when
    that was the last thing outstanding. Idempotent: repeating it changes nothing and raises
    nothing. The assessment is completed by passing it (`quiz_submit`), not by this."""
    _check_module(course, module)
    if module.is_assessment:
        raise ProgressError(
            _("Submit your answers to complete the assessment."), code="assessment_needs_answers"
        )
    with transaction.atomic(savepoint=False):
        enrollment = _locked_enrollment(user=user, course=course)
        _record_module_done(enrollment=enrollment, module=module)
        completed_now = enrollment_complete(enrollment=enrollment)
    return Completion(enrollment=enrollment, module=module, course_completed_now=completed_now)


def _record_module_done(*, enrollment, module):
    # INSERT ... ON CONFLICT DO NOTHING: one row per enrollment and module, whoever gets there first.
    ModuleProgress.objects.bulk_create(
        [ModuleProgress(enrollment=enrollment, module=module)], ignore_conflicts=True
    )


def enrollment_visit(*, enrollment, module) -> None:
    """Remember the module the learner last opened (for "Continue where you left off")."""
    if enrollment.last_module_id == module.pk:
        return
    now = timezone.now()
    Enrollment.objects.filter(pk=enrollment.pk).update(last_module=module, last_visited_at=now)
    enrollment.last_module_id, enrollment.last_visited_at = module.pk, now


@dataclass
class Submission:
    attempt: QuizAttempt
    result: object  # courses.grading.GradeResult of this submission (None for a replay)
    stored: bool  # False when this was a replay of an attempt already stored
    course_completed_now: bool


def quiz_submit(*, user, course, module, answers, attempt_number=None) -> Submission:
    """Grade the learner's answers to the questions of `module` on the server and store the attempt.

    On the assessment module, passing completes the module (and the course, if that was the last
    thing outstanding); on other modules the questions are knowledge checks: graded and stored
    for feedback, and the learner marks the module complete themselves.

    Raises `ProgressError` for a module that is not part of a published course
    and `courses.grading.GradingError` for unanswered questions, unknown option ids or answers to
    questions from elsewhere; nothing is stored then. `attempt_number` is the number the form was
    rendered for: a replayed or double-clicked submission of an attempt already stored returns that
    attempt instead of storing another. Retakes are allowed: any passing attempt counts.
    """
    from .grading import grade_module

    _check_module(course, module)
    result = grade_module(module=module, answers=answers, pass_mark=course.pass_mark or 100)
    with transaction.atomic(savepoint=False):
        enrollment = _locked_enrollment(user=user, course=course)
        latest = (
            QuizAttempt.objects.filter(enrollment=enrollment, module=module).order_by("-number").first()
        )
        if latest is not None and attempt_number is not None and attempt_number <= latest.number:
            return Submission(attempt=latest, result=None, stored=False, course_completed_now=False)
        attempt = QuizAttempt.objects.create(
            enrollment=enrollment,
            module=module,
            number=(latest.number + 1) if latest else 1,
            answers=result.answers,
            correct_count=result.correct_count,
            question_count=result.question_count,
            score=result.score,
            passed=result.passed,
        )
        completed_now = False
        if result.passed and module.is_assessment:
            _record_module_done(enrollment=enrollment, module=module)
            completed_now = enrollment_complete(enrollment=enrollment)
    return Submission(attempt=attempt, result=result, stored=True, course_completed_now=completed_now)
