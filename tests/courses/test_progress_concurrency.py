"""Two requests at the same moment: one row, one completion, one certificate task.

PostgreSQL only: SQLite takes one lock for the whole database for every write transaction, so
two threads can never race there; the row lock (SELECT ... FOR UPDATE) and INSERT ... ON CONFLICT
behaviour these tests exercise exist only on PostgreSQL, which production and CI use.
"""

import threading
import time

import pytest
from django.db import connection, connections

from courses import services
from courses.models import Enrollment, ModuleProgress
from tests.courses.progress_helpers import COMMITTING_DB, TaskRuns, build_course, ensure_certificate_task
from tests.factories import UserFactory

pytestmark = [
    COMMITTING_DB,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises all writers, so nothing can race",
    ),
]


def run_together(*calls):
    """Run each call in its own thread (own database connection), released at the same instant."""
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def worker(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as exc:  # reported below: a race must not raise
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    return results


@pytest.fixture
def certificate_task(celery_eager):
    undo = ensure_certificate_task()
    yield
    undo()


@pytest.fixture
def slow_insert(monkeypatch):
    """Widen the window between storing a module and checking the completion rule, so the two
    requests overlap for certain (without the enrollment lock, both would miss the completion)."""
    original = services._record_module_done

    def record_then_pause(**kwargs):
        original(**kwargs)
        time.sleep(0.3)

    monkeypatch.setattr(services, "_record_module_done", record_then_pause)


def test_the_same_module_completed_twice_at_once_stores_one_row(slow_insert):
    course = build_course(required=2, optional=False, assessment=False)
    user = UserFactory()
    module = course.modules[0]
    run_together(
        lambda: services.module_complete(user=user, course=course.page, module=module),
        lambda: services.module_complete(user=user, course=course.page, module=module),
    )
    assert Enrollment.objects.filter(user=user).count() == 1
    assert ModuleProgress.objects.filter(module=module).count() == 1


def test_the_last_module_completed_twice_at_once_completes_once_and_queues_once(
    certificate_task, slow_insert
):
    course = build_course(required=2, optional=False, assessment=False)
    user = UserFactory()
    services.module_complete(user=user, course=course.page, module=course.modules[0])
    last = course.modules[1]
    with TaskRuns() as runs:
        results = run_together(
            lambda: services.module_complete(user=user, course=course.page, module=last),
            lambda: services.module_complete(user=user, course=course.page, module=last),
        )
    enrollment = Enrollment.objects.get(user=user)
    assert sorted(r.course_completed_now for r in results) == [False, True]
    assert enrollment.completed_at is not None
    assert ModuleProgress.objects.filter(module=last).count() == 1
    assert runs.enrollment_ids == [enrollment.pk]


def test_the_last_two_modules_completed_at_once_in_two_tabs_complete_the_course_once(
    certificate_task, slow_insert
):
    course = build_course(required=3, optional=False, assessment=False)
    user = UserFactory()
    services.module_complete(user=user, course=course.page, module=course.modules[0])
    with TaskRuns() as runs:
        results = run_together(
            lambda: services.module_complete(user=user, course=course.page, module=course.modules[1]),
            lambda: services.module_complete(user=user, course=course.page, module=course.modules[2]),
        )
    enrollment = Enrollment.objects.get(user=user)
    assert sorted(r.course_completed_now for r in results) == [False, True]
    assert enrollment.completed_at is not None
    assert runs.enrollment_ids == [enrollment.pk]


def test_starting_a_course_twice_at_once_gives_one_enrollment():
    course = build_course(required=1, optional=False, assessment=False)
    user = UserFactory()
    results = run_together(
        lambda: services.enrollment_start(user=user, course=course.page),
        lambda: services.enrollment_start(user=user, course=course.page),
    )
    assert results[0].pk == results[1].pk
    assert Enrollment.objects.filter(user=user).count() == 1
