"""Two requests at the same moment: one row, one completion, one certificate task.

PostgreSQL only: SQLite takes one lock for the whole database for every write transaction, so
two threads can never race there; the row lock (SELECT ... FOR UPDATE) and INSERT ... ON CONFLICT
behaviour these tests exercise exist only on PostgreSQL, which production and CI use.

The requests are made to overlap by a rendezvous at the racy point (tests/concurrency.py), never by
sleeping: removing the guard a test names fails it on every run.
"""

import pytest

from courses import services
from courses.models import Enrollment, ModuleProgress
from tests.concurrency import Rendezvous, run_together
from tests.courses.progress_helpers import COMMITTING_DB, TaskRuns, build_course, ensure_certificate_task
from tests.factories import UserFactory

pytestmark = [COMMITTING_DB, pytest.mark.needs("postgresql")]


@pytest.fixture
def certificate_task(celery_eager):
    undo = ensure_certificate_task()
    yield
    undo()


@pytest.fixture
def after_storing_a_module(monkeypatch):
    """Both requests meet between storing their module and checking the completion rule, unless
    the enrollment lock holds one of them back (without the lock, both miss the completion)."""
    rendezvous = Rendezvous()
    original = services._record_module_done

    def record_then_meet(**kwargs):
        original(**kwargs)
        rendezvous.meet()

    monkeypatch.setattr(services, "_record_module_done", record_then_meet)
    return rendezvous


def test_the_same_module_completed_twice_at_once_stores_one_row(after_storing_a_module):
    """Guarded by the unique constraint on (enrollment, module) with INSERT ... ON CONFLICT."""
    course = build_course(required=2, optional=False, assessment=False)
    user = UserFactory()
    module = course.modules[0]
    run_together(
        lambda: services.module_complete(user=user, course=course.page, module=module),
        lambda: services.module_complete(user=user, course=course.page, module=module),
        rendezvous=after_storing_a_module,
    )
    assert Enrollment.objects.filter(user=user).count() == 1
    assert ModuleProgress.objects.filter(module=module).count() == 1


def test_the_last_module_completed_twice_at_once_completes_once_and_queues_once(
    certificate_task, after_storing_a_module
):
    """Guarded twice: the enrollment lock, and behind it the conditional UPDATE of completed_at
    (the next test takes the conditional UPDATE on its own)."""
    course = build_course(required=2, optional=False, assessment=False)
    user = UserFactory()
    services.module_complete(user=user, course=course.page, module=course.modules[0])
    last = course.modules[1]
    with TaskRuns() as runs:
        results = run_together(
            lambda: services.module_complete(user=user, course=course.page, module=last),
            lambda: services.module_complete(user=user, course=course.page, module=last),
            rendezvous=after_storing_a_module,
        )
    enrollment = Enrollment.objects.get(user=user)
    assert sorted(r.course_completed_now for r in results) == [False, True]
    assert enrollment.completed_at is not None
    assert ModuleProgress.objects.filter(module=last).count() == 1
    assert runs.enrollment_ids == [enrollment.pk]


def test_the_last_two_modules_completed_at_once_in_two_tabs_complete_the_course_once(
    certificate_task, after_storing_a_module
):
    """Guarded by the enrollment row lock: without it each request sees only its own module and
    neither completes the course."""
    course = build_course(required=3, optional=False, assessment=False)
    user = UserFactory()
    services.module_complete(user=user, course=course.page, module=course.modules[0])
    with TaskRuns() as runs:
        results = run_together(
            lambda: services.module_complete(user=user, course=course.page, module=course.modules[1]),
            lambda: services.module_complete(user=user, course=course.page, module=course.modules[2]),
            rendezvous=after_storing_a_module,
        )
    enrollment = Enrollment.objects.get(user=user)
    assert sorted(r.course_completed_now for r in results) == [False, True]
    assert enrollment.completed_at is not None
    assert runs.enrollment_ids == [enrollment.pk]


def test_a_course_completed_by_two_requests_at_once_is_completed_by_one(certificate_task, monkeypatch):
    """The conditional UPDATE on its own: both requests have checked the completion rule (no
    row lock taken here) and both try to set completed_at; only one succeeds and queues."""
    course = build_course(required=1, optional=False, assessment=False)
    user = UserFactory()
    services.enrollment_start(user=user, course=course.page)
    enrollment = Enrollment.objects.get(user=user)
    ModuleProgress.objects.create(enrollment=enrollment, module=course.modules[0])
    rendezvous = Rendezvous()
    rule = services.enrollment_is_complete

    def check_then_meet(**kwargs):
        holds = rule(**kwargs)
        rendezvous.meet()
        return holds

    monkeypatch.setattr(services, "enrollment_is_complete", check_then_meet)

    def complete():
        from django.db import transaction

        with transaction.atomic():
            return services.enrollment_complete(enrollment=Enrollment.objects.get(pk=enrollment.pk))

    with TaskRuns() as runs:
        results = run_together(complete, complete, rendezvous=rendezvous)
    assert sorted(results) == [False, True]
    assert runs.enrollment_ids == [enrollment.pk]


def test_starting_a_course_twice_at_once_gives_one_enrollment(monkeypatch):
    """Guarded by the unique constraint on (user, course) with INSERT ... ON CONFLICT: both requests
    have found no enrollment before either inserts one."""
    course = build_course(required=1, optional=False, assessment=False)
    user = UserFactory()
    rendezvous = Rendezvous()
    insert = Enrollment.objects.bulk_create

    def meet_then_insert(*args, **kwargs):
        rendezvous.meet()
        return insert(*args, **kwargs)

    monkeypatch.setattr(Enrollment.objects, "bulk_create", meet_then_insert)
    results = run_together(
        lambda: services.enrollment_start(user=user, course=course.page),
        lambda: services.enrollment_start(user=user, course=course.page),
        rendezvous=rendezvous,
    )
    assert results[0].pk == results[1].pk
    assert Enrollment.objects.filter(user=user).count() == 1
