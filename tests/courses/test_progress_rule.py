"""The completion rule (`enrollment_is_complete`), in every shape a course can take."""

import pytest

from courses.models import Enrollment, ModuleProgress, QuizAttempt
from courses.progress_selectors import enrollment_is_complete
from tests.courses.builders import paragraph
from tests.courses.progress_helpers import build_course
from tests.factories import ModulePageFactory

pytestmark = pytest.mark.django_db


def _done(enrollment, *modules):
    for module in modules:
        ModuleProgress.objects.create(enrollment=enrollment, module=module)


def _attempt(enrollment, module, *, passed, number=1):
    QuizAttempt.objects.create(
        enrollment=enrollment, module=module, number=number, answers={},
        correct_count=5 if passed else 1, question_count=5, score=100 if passed else 20, passed=passed,
    )


@pytest.fixture
def course():
    return build_course(required=2, optional=True, assessment=True)


@pytest.fixture
def enrollment(course, user):
    return Enrollment.objects.create(user=user, course=course.page)


def test_nothing_done_is_not_complete(enrollment):
    assert enrollment_is_complete(enrollment=enrollment) is False


def test_required_modules_without_passing_the_assessment_is_not_complete(course, enrollment):
    _done(enrollment, *course.modules)
    _attempt(enrollment, course.assessment, passed=False)
    assert enrollment_is_complete(enrollment=enrollment) is False


def test_required_modules_and_a_passed_assessment_is_complete_without_the_optional_one(
    course, enrollment
):
    _done(enrollment, *course.modules, course.assessment)
    _attempt(enrollment, course.assessment, passed=False)
    _attempt(enrollment, course.assessment, passed=True, number=2)
    assert enrollment_is_complete(enrollment=enrollment) is True


def test_a_passed_assessment_with_a_required_module_missing_is_not_complete(course, enrollment):
    _done(enrollment, course.modules[0], course.assessment)
    _attempt(enrollment, course.assessment, passed=True)
    assert enrollment_is_complete(enrollment=enrollment) is False


def test_a_course_without_an_assessment_needs_only_its_required_modules(user):
    course = build_course(required=2, assessment=False)
    enrollment = Enrollment.objects.create(user=user, course=course.page)
    _done(enrollment, course.modules[0])
    assert enrollment_is_complete(enrollment=enrollment) is False
    _done(enrollment, course.modules[1])
    assert enrollment_is_complete(enrollment=enrollment) is True


def test_a_required_module_added_later_is_outstanding(course, enrollment):
    _done(enrollment, *course.modules, course.assessment)
    _attempt(enrollment, course.assessment, passed=True)
    ModulePageFactory(parent=course.page, title="New module", body=[paragraph()])
    assert enrollment_is_complete(enrollment=enrollment) is False


def test_unpublished_and_draft_modules_do_not_count(course, enrollment):
    ModulePageFactory(parent=course.page, title="Draft module", body=[paragraph()], publish=False)
    course.modules[1].unpublish()
    _done(enrollment, course.modules[0], course.assessment)
    _attempt(enrollment, course.assessment, passed=True)
    assert enrollment_is_complete(enrollment=enrollment) is True


def test_a_course_with_no_published_modules_is_never_complete(user):
    course = build_course(required=0, optional=False, assessment=False)
    enrollment = Enrollment.objects.create(user=user, course=course.page)
    assert enrollment_is_complete(enrollment=enrollment) is False


def test_another_learners_progress_does_not_count(course, enrollment):
    from tests.factories import UserFactory

    other = Enrollment.objects.create(user=UserFactory(), course=course.page)
    _done(other, *course.modules, course.assessment)
    _attempt(other, course.assessment, passed=True)
    assert enrollment_is_complete(enrollment=other) is True
    assert enrollment_is_complete(enrollment=enrollment) is False
