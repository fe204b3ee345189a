"""Writes for the progress tracker. Views and pages call these; nothing else writes progress.

Each service runs in one transaction (`savepoint=False`: inside a caller's transaction, an error
rolls back the caller's work too, so nothing is ever half-written). Every write that can
complete a course locks the learner's enrollment row first
(`SELECT ... FOR UPDATE` on PostgreSQL; SQLite serialises writers), so two requests finishing the
last two modules at once cannot both miss the completion, and `enrollment_complete` sets
`completed_at` with a conditional UPDATE, so only one of them queues the certificate.
"""

import hashlib
import hmac
import json
import random
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.errors import RequestRefused
from lms.queueing import enqueue_on_commit

from .grading import effective_pass_mark, grade_module, module_questions, paper_draw, paper_is_current
from .models import CoursePage, Enrollment, ModulePage, ModuleProgress, QuizAttempt, QuizPaper
from .progress_selectors import STEPLEN, enrollment_is_complete

# The hook a completion fires: `courses` never imports `certificates`, so it names the task, and the
# certificates app registers its task under this very name (certificates.tasks.issue_certificate).
CERTIFICATE_TASK = "certificates.tasks.issue_certificate"


class ProgressError(RequestRefused):
    """The request cannot change progress (unknown, unpublished or foreign module...)."""


class ModuleUnavailable(ProgressError):
    """The module or course is not published, or the module is not part of the course: a 404."""

    status = 404


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


def _paper_layout(*, user_id, module, number, questions) -> list:
    # Seeded from the server's secret and the learner, module and attempt number (never anything
    # the browser sends), so the paper shown before the learner's enrollment exists is the one
    # stored when they submit it.
    seed = hmac.new(
        settings.SECRET_KEY.encode(), f"quiz-paper:{user_id}:{module.pk}:{number}".encode(),
        hashlib.sha256,
    ).digest()
    return paper_draw(
        questions=questions,
        pool_size=module.questions_per_attempt,
        rng=random.Random(seed),  # noqa: S311 - the seed is a secret HMAC; only order depends on it
    )


def quiz_paper(*, enrollment, module, number) -> QuizPaper:
    """The paper (questions drawn and option order) for attempt `number` of `module`: drawn on the
    server the first time it is asked for, stored, then the same for every reload, tab or replay.
    A paper nobody has answered yet is drawn again if the trainer has since changed the questions.
    Safe to call concurrently: the first draw stored wins (INSERT ... ON CONFLICT DO NOTHING)."""
    questions = module_questions(module)
    lookup = QuizPaper.objects.filter(enrollment=enrollment, module=module, number=number)
    paper = lookup.first()
    if paper is None:
        layout = _paper_layout(
            user_id=enrollment.user_id, module=module, number=number, questions=questions
        )
        QuizPaper.objects.bulk_create(
            [QuizPaper(enrollment=enrollment, module=module, number=number, layout=layout)],
            ignore_conflicts=True,
        )
        return lookup.get()
    if questions and not paper_is_current(
        questions=questions, layout=paper.layout, pool_size=module.questions_per_attempt
    ):
        layout = _paper_layout(
            user_id=enrollment.user_id, module=module, number=number, questions=questions
        )
        if lookup.filter(attempts__isnull=True).update(layout=layout, drawn_at=timezone.now()):
            paper.layout = layout
    return paper


def quiz_paper_for_next_attempt(*, user, course, module, enrollment=None) -> QuizPaper:
    """The paper a learner is shown for their next attempt at `module`. Pass the learner's
    `enrollment` in `course` if the caller has it (None: not started). A learner who has not
    started the course is shown their first paper unsaved (starting a course is their choice);
    it is the same draw that is stored when they submit it."""
    _check_module(course, module)
    if enrollment is None:
        layout = _paper_layout(
            user_id=user.pk, module=module, number=1, questions=module_questions(module)
        )
        return QuizPaper(module=module, number=1, layout=layout)
    latest = (
        QuizAttempt.objects.filter(enrollment=enrollment, module=module)
        .order_by("-number").values_list("number", flat=True).first()
    )
    with transaction.atomic(savepoint=False):
        return quiz_paper(enrollment=enrollment, module=module, number=(latest or 0) + 1)


def answers_digest(answers: dict[str, list[str]]) -> str:
    """A fingerprint of normalised answers, independent of the order questions were posted in."""
    canonical = json.dumps(
        {question: sorted(options) for question, options in answers.items()}, sort_keys=True
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


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

    The answers are graded against the paper they were given on: `attempt_number` is the number
    the form was rendered for, and names the paper (its questions and option order were drawn on
    the server; see `quiz_paper`). Learners' answers are never thrown away:

    - the same answers posted again on the same paper (a replay, a double click, ten concurrent
      posts) return the attempt already stored;
    - different answers on a paper that was already answered (a second tab) are a new attempt,
      graded on the paper that tab showed;
    - with no attempt number, answers equal to the learner's latest attempt are a replay of it;
      otherwise they are answered on the paper of the next attempt.

    Concurrent submissions by one learner are serialised by the lock on their enrollment row,
    and the database refuses a second copy of the same answers on one paper.

    Raises `ProgressError` for a module that is not part of a published course and
    `courses.grading.GradingError` for unanswered questions, unknown option ids or answers to
    questions not on the paper; nothing is stored then. Retakes are allowed: any passing
    attempt counts.
    """
    _check_module(course, module)
    pass_mark = effective_pass_mark(course.pass_mark)
    # A savepoint, unlike the other services: wrong answers (a GradingError, raised after the
    # paper is read under the lock) undo only this call's work, never the caller's.
    with transaction.atomic():
        enrollment = _locked_enrollment(user=user, course=course)
        latest = (
            QuizAttempt.objects.filter(enrollment=enrollment, module=module)
            .select_related("paper").order_by("-number").first()
        )
        next_number = (latest.number + 1) if latest else 1
        if (
            attempt_number is None
            and latest is not None
            and latest.answers_digest == answers_digest(_normalised(answers))
        ):
            return Submission(attempt=latest, result=None, stored=False, course_completed_now=False)
        if attempt_number is None or not 1 <= attempt_number <= next_number:
            attempt_number = next_number
        paper = quiz_paper(enrollment=enrollment, module=module, number=attempt_number)
        result = grade_module(module=module, answers=answers, pass_mark=pass_mark, layout=paper.layout)
        digest = answers_digest(result.answers)
        replayed = paper.attempts.filter(answers_digest=digest).first()
        if replayed is not None:
            return Submission(attempt=replayed, result=None, stored=False, course_completed_now=False)
        attempt = QuizAttempt.objects.create(
            enrollment=enrollment,
            module=module,
            number=next_number,
            paper=paper,
            answers=result.answers,
            answers_digest=digest,
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


def _normalised(answers) -> dict[str, list[str]]:
    """Answers as grading normalises them (ids as strings, repeats and blanks dropped)."""
    return {
        str(question): list(dict.fromkeys(str(o) for o in options or [] if o))
        for question, options in answers.items()
    }
