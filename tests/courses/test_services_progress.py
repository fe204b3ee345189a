"""Starting a course, completing modules and completing the course, through the services."""

import pytest
from django.db import DatabaseError

from courses import services
from courses.models import Enrollment, ModuleProgress
from lms.celery import app
from tests.celery_helpers import use_broker
from tests.courses.builders import paragraph
from tests.courses.progress_helpers import COMMITTING_DB, TaskRuns, build_course, ensure_certificate_task
from tests.factories import ModulePageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return build_course(required=2, optional=True, assessment=False)


@pytest.fixture
def certificate_task(celery_eager):
    undo = ensure_certificate_task()
    yield app.tasks[services.CERTIFICATE_TASK]
    undo()


def _complete_all(user, course, runs_capture):
    results = []
    with runs_capture(execute=True):
        for module in course.modules:
            results.append(services.module_complete(user=user, course=course.page, module=module))
    return results


def test_starting_twice_gives_one_enrollment(user, course):
    first = services.enrollment_start(user=user, course=course.page)
    again = services.enrollment_start(user=user, course=course.page)
    assert first.pk == again.pk
    assert Enrollment.objects.filter(user=user).count() == 1


def test_an_unpublished_course_cannot_be_started(user, course):
    course.page.unpublish()
    with pytest.raises(services.ModuleUnavailable):
        services.enrollment_start(user=user, course=course.page)
    assert not Enrollment.objects.exists()


def test_completing_a_module_twice_stores_one_row_and_raises_nothing(user, course):
    module = course.modules[0]
    services.module_complete(user=user, course=course.page, module=module)
    services.module_complete(user=user, course=course.page, module=module)
    assert ModuleProgress.objects.filter(module=module).count() == 1
    assert Enrollment.objects.get(user=user).completed_at is None


def test_completing_the_last_required_module_completes_the_course_and_queues_the_certificate_once(
    user, course, certificate_task, django_capture_on_commit_callbacks
):
    with TaskRuns() as runs:
        results = _complete_all(user, course, django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):  # a replay changes nothing
            again = services.module_complete(user=user, course=course.page, module=course.modules[-1])
    enrollment = Enrollment.objects.get(user=user)
    assert [r.course_completed_now for r in results] == [False, True]
    assert again.course_completed_now is False
    assert enrollment.completed_at is not None
    assert runs.enrollment_ids == [enrollment.pk]


def test_the_optional_module_is_not_needed(
    user, course, certificate_task, django_capture_on_commit_callbacks
):
    _complete_all(user, course, django_capture_on_commit_callbacks)
    assert Enrollment.objects.get(user=user).completed_at is not None
    assert not ModuleProgress.objects.filter(module=course.optional).exists()


def test_editing_the_course_after_completion_does_not_uncomplete(
    user, course, certificate_task, django_capture_on_commit_callbacks
):
    _complete_all(user, course, django_capture_on_commit_callbacks)
    completed_at = Enrollment.objects.get(user=user).completed_at
    new_module = ModulePageFactory(parent=course.page, title="Added later", body=[paragraph()])
    with TaskRuns() as runs, django_capture_on_commit_callbacks(execute=True):
        services.module_complete(user=user, course=course.page, module=new_module)
    assert Enrollment.objects.get(user=user).completed_at == completed_at
    assert runs.enrollment_ids == []


def test_a_required_module_added_later_is_new_for_learners_in_progress(
    user, course, certificate_task, django_capture_on_commit_callbacks
):
    services.module_complete(user=user, course=course.page, module=course.modules[0])
    added = ModulePageFactory(parent=course.page, title="Added later", body=[paragraph()])
    with django_capture_on_commit_callbacks(execute=True):
        services.module_complete(user=user, course=course.page, module=course.modules[1])
    assert Enrollment.objects.get(user=user).completed_at is None
    with django_capture_on_commit_callbacks(execute=True):
        result = services.module_complete(user=user, course=course.page, module=added)
    assert result.course_completed_now is True


@pytest.mark.parametrize("case", ["other course", "unpublished", "draft", "course unpublished"])
def test_modules_that_are_not_reachable_store_nothing(user, course, case):
    target_course = course.page
    if case == "other course":
        module = build_course(title="Another course", assessment=False).modules[0]
    elif case == "unpublished":
        module = course.modules[0]
        module.unpublish()
    elif case == "draft":
        module = ModulePageFactory(parent=course.page, title="Draft", body=[paragraph()], publish=False)
    else:
        module = course.modules[0]
        target_course.live = False
    with pytest.raises(services.ModuleUnavailable):
        services.module_complete(user=user, course=target_course, module=module)
    assert not Enrollment.objects.exists()
    assert not ModuleProgress.objects.exists()


# A real COMMIT / ROLLBACK, as in production (not the test's own enclosing transaction).
@COMMITTING_DB
def test_a_database_error_mid_completion_leaves_nothing_half_written(user, course, monkeypatch):
    services.enrollment_start(user=user, course=course.page)
    services.module_complete(user=user, course=course.page, module=course.modules[0])

    def broken_rule(**kwargs):
        raise DatabaseError("connection lost")

    monkeypatch.setattr(services, "enrollment_is_complete", broken_rule)
    with pytest.raises(DatabaseError):
        services.module_complete(user=user, course=course.page, module=course.modules[1])
    # the module row written before the error was rolled back with it
    assert not ModuleProgress.objects.filter(module=course.modules[1]).exists()
    assert Enrollment.objects.get(user=user).completed_at is None


def test_broker_down_still_records_the_completion(
    user, course, certificate_task, django_capture_on_commit_callbacks, caplog
):
    services.module_complete(user=user, course=course.page, module=course.modules[0])
    with use_broker("redis://127.0.0.1:1/0"), django_capture_on_commit_callbacks(execute=True):
        result = services.module_complete(user=user, course=course.page, module=course.modules[1])
    assert result.course_completed_now is True
    assert Enrollment.objects.get(user=user).completed_at is not None
    assert f"Could not queue {services.CERTIFICATE_TASK}" in caplog.text


def test_one_learners_completion_does_not_touch_another_learner(user, course):
    other = UserFactory()
    services.module_complete(user=other, course=course.page, module=course.modules[0])
    assert not Enrollment.objects.filter(user=user).exists()
    assert ModuleProgress.objects.get().enrollment.user == other
