"""Submitting the assessment: graded on the server, stored as option ids, retakes, bad input."""

import pytest

from courses import services
from courses.grading import GradingError
from courses.models import Enrollment, ModuleProgress, QuizAttempt
from lms.celery import app
from tests.courses.builders import option_ids
from tests.courses.progress_helpers import TaskRuns, build_course, ensure_certificate_task
from tests.factories import ModulePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return build_course(required=2, optional=False, assessment=True, questions=5, pass_mark=80)


@pytest.fixture
def certificate_task(celery_eager):
    undo = ensure_certificate_task()
    yield app.tasks[services.CERTIFICATE_TASK]
    undo()


def _submit(user, course, **kwargs):
    answers = kwargs.pop("answers", None) or course.answers(right=kwargs.pop("right", None))
    return services.quiz_submit(
        user=user, course=course.page, module=course.assessment, answers=answers, **kwargs
    )


def test_fail_then_pass_completes_the_course_and_queues_the_certificate_once(
    user, course, certificate_task, django_capture_on_commit_callbacks
):
    for module in course.modules:
        services.module_complete(user=user, course=course.page, module=module)
    with TaskRuns() as runs, django_capture_on_commit_callbacks(execute=True):
        failed = _submit(user, course, right=3)  # 60% < 80%
    assert (failed.attempt.score, failed.attempt.passed, failed.attempt.number) == (60, False, 1)
    assert Enrollment.objects.get(user=user).completed_at is None
    assert not ModuleProgress.objects.filter(module=course.assessment).exists()

    with TaskRuns() as runs, django_capture_on_commit_callbacks(execute=True):
        passed = _submit(user, course, right=4)  # 80%
        retake = _submit(user, course)  # a retake after passing is stored but completes nothing new
    enrollment = Enrollment.objects.get(user=user)
    assert (passed.attempt.score, passed.attempt.passed, passed.attempt.number) == (80, True, 2)
    assert passed.course_completed_now is True and retake.course_completed_now is False
    assert retake.attempt.number == 3
    assert enrollment.completed_at is not None
    assert runs.enrollment_ids == [enrollment.pk]
    assert ModuleProgress.objects.filter(module=course.assessment).count() == 1


def test_the_attempt_stores_option_ids_only(user, course):
    submission = _submit(user, course)
    stored = QuizAttempt.objects.get(pk=submission.attempt.pk)
    assert stored.answers == course.answers()
    assert (stored.correct_count, stored.question_count, stored.score) == (5, 5, 100)


def test_passing_before_the_required_modules_does_not_complete_the_course(user, course):
    submission = _submit(user, course)
    assert submission.attempt.passed and not submission.course_completed_now
    assert Enrollment.objects.get(user=user).completed_at is None


def test_a_replayed_submission_returns_the_stored_attempt(user, course):
    first = _submit(user, course, right=1, attempt_number=1)
    replay = _submit(user, course, right=1, attempt_number=1)
    assert replay.stored is False and replay.attempt.pk == first.attempt.pk
    assert QuizAttempt.objects.count() == 1
    retake = _submit(user, course, attempt_number=2)
    assert retake.stored is True and QuizAttempt.objects.count() == 2


def _bad_answers(course, case):
    answers = course.answers()
    first = course.questions[0]["id"]
    if case == "unanswered":
        answers.pop(first)
    elif case == "empty answer":
        answers[first] = []
    elif case == "unknown option":
        answers[first] = ["not-an-option"]
    elif case == "option of another question":
        answers[first] = option_ids(course.questions[1])[:1]
    elif case == "question from another module":
        other = build_course(title="Another course")
        answers[other.questions[0]["id"]] = option_ids(other.questions[0])[:1]
    elif case == "two options on a single-choice question":
        answers[first] = option_ids(course.questions[0])
    return answers


@pytest.mark.parametrize(
    "case",
    ["unanswered", "empty answer", "unknown option", "option of another question",
     "question from another module", "two options on a single-choice question"],
)
def test_bad_answers_give_a_clear_error_and_store_nothing(user, course, case):
    with pytest.raises(GradingError) as raised:
        _submit(user, course, answers=_bad_answers(course, case))
    assert raised.value.message_dict  # each problem is named (by question, or for the form)
    assert not QuizAttempt.objects.exists()
    assert not Enrollment.objects.exists()


def test_answers_posted_to_another_courses_assessment_are_refused(user, course):
    other = build_course(title="Another course")
    with pytest.raises(services.ModuleUnavailable):
        services.quiz_submit(user=user, course=course.page, module=other.assessment,
                             answers=other.answers())
    assert not QuizAttempt.objects.exists()


def test_an_unpublished_assessment_is_refused(user, course):
    course.assessment.unpublish()
    with pytest.raises(services.ModuleUnavailable):
        _submit(user, course)
    assert not QuizAttempt.objects.exists()


def test_the_assessment_cannot_be_marked_complete_without_answers(user, course):
    with pytest.raises(services.ProgressError) as raised:
        services.module_complete(user=user, course=course.page, module=course.assessment)
    assert raised.value.code == "assessment_needs_answers"
    assert not ModuleProgress.objects.exists()


def test_knowledge_checks_in_a_lesson_are_graded_but_do_not_complete_it(user, course):
    from tests.courses.builders import question

    block = question("Is it safe to ask directly?", [("Yes", True, ""), ("No", False, "")])
    lesson = ModulePageFactory(parent=course.page, title="Lesson with a check", body=[block])
    submission = services.quiz_submit(
        user=user, course=course.page, module=lesson, answers={block["id"]: option_ids(block, True)}
    )
    assert submission.attempt.passed
    assert not ModuleProgress.objects.filter(module=lesson).exists()
