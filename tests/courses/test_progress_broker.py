"""The certificate task reaches a real Celery worker through the configured broker (Redis in CI;
the in-memory transport where no broker is configured), exactly once per completion.

"No second task" is shown without waiting: a ping queued after the completion and its replay is
consumed after anything they queued (one queue, first in first out, one worker running one task
at a time), so once the worker has run the ping it has run every certificate task there was."""

import threading

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_prerun
from django.conf import settings

from courses import services
from courses.models import Enrollment
from lms.celery import app
from lms.tasks import ping
from tests.celery_helpers import use_broker
from tests.courses.progress_helpers import COMMITTING_DB, build_course, ensure_certificate_task
from tests.factories import UserFactory

DRAINED = "certificate tasks drained"


@pytest.mark.celery_worker
@COMMITTING_DB
def test_completing_a_course_sends_one_certificate_task_to_a_real_worker():
    course = build_course(required=2, optional=False, assessment=False)
    user = UserFactory()
    services.module_complete(user=user, course=course.page, module=course.modules[0])
    seen, drained = [], threading.Event()

    def on_prerun(sender=None, args=None, **kwargs):
        if sender.name == services.CERTIFICATE_TASK:
            seen.append(tuple(args))
        elif sender.name == ping.name and list(args or []) == [DRAINED]:
            drained.set()

    undo = ensure_certificate_task()
    task_prerun.connect(on_prerun, weak=False)
    broker = settings.CELERY_BROKER_URL or "memory://"
    try:
        with use_broker(broker):
            app.control.purge()  # messages other tests left on the test broker are not ours
            with start_worker(
                app, perform_ping_check=False, pool="solo", concurrency=1, loglevel="WARNING"
            ):
                _complete_and_drain(user, course, drained)
    finally:
        task_prerun.disconnect(on_prerun)
        undo()
    enrollment = Enrollment.objects.get(user=user)
    assert seen == [(enrollment.pk,)]
    print(f"certificate task for enrollment {enrollment.pk} consumed from {broker.split('@')[-1]}")


def _complete_and_drain(user, course, drained):
    last = course.modules[1]
    first = services.module_complete(user=user, course=course.page, module=last)
    replay = services.module_complete(user=user, course=course.page, module=last)
    assert (first.course_completed_now, replay.course_completed_now) == (True, False)
    ping.delay(DRAINED)  # behind whatever the two requests queued (on commit: already sent)
    assert drained.wait(timeout=60), "the worker did not consume the queue"
