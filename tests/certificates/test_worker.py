"""A real Celery worker issues a certificate queued by name on commit, as the progress tracker does:
Redis in CI, the in-memory transport where no broker is configured."""

import threading

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.conf import settings
from django.core import mail

from certificates.models import Certificate
from lms.celery import app
from lms.queueing import enqueue_on_commit
from tests.celery_helpers import use_broker
from tests.certificates.factories import EnrollmentFactory


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_issues_the_certificate_queued_on_completion():
    enrollment = EnrollmentFactory()
    done = threading.Event()

    def finished(sender=None, args=None, **kwargs):
        if sender.name == "certificates.tasks.issue_certificate" and args == [enrollment.id]:
            done.set()

    task_postrun.connect(finished, weak=False)
    broker = settings.CELERY_BROKER_URL or "memory://"
    try:
        with use_broker(broker):
            app.control.purge()  # drop tasks other tests queued for rows that no longer exist
        with (
            use_broker(broker),
            start_worker(app, perform_ping_check=False, pool="solo", concurrency=1, loglevel="WARNING"),
        ):
            enqueue_on_commit("certificates.tasks.issue_certificate", enrollment.id)
            assert done.wait(timeout=60), "the worker did not run the task"
    finally:
        task_postrun.disconnect(finished)
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.pdf.storage.exists(certificate.pdf.name)
    assert certificate.emailed_at is not None and len(mail.outbox) == 1
