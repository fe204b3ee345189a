"""A real Celery worker consumes a task from the configured broker: Redis in CI, the in-memory
transport where no broker is configured (a fresh machine)."""

import threading
import uuid

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_success
from django.conf import settings

from lms.celery import app
from lms.tasks import ping
from tests.celery_helpers import use_broker


@pytest.mark.celery_worker
def test_a_real_worker_consumes_a_task_from_the_broker():
    token = uuid.uuid4().hex
    done = threading.Event()
    seen = []

    def on_success(sender=None, result=None, **kwargs):
        if sender.name == "lms.ping" and result == token:
            seen.append(result)
            done.set()

    task_success.connect(on_success, weak=False)
    broker = settings.CELERY_BROKER_URL or "memory://"
    try:
        with use_broker(broker), start_worker(
            app, perform_ping_check=False, pool="solo", concurrency=1, loglevel="WARNING"
        ):
            result = ping.apply_async(args=[token])
            assert done.wait(timeout=20), "the worker did not run the task"
            if settings.CELERY_BROKER_URL:  # a real result backend: the caller gets the answer
                assert result.get(timeout=10) == token
    finally:
        task_success.disconnect(on_success)
    assert seen == [token]
    print(f"worker consumed lms.ping from {broker.split('@')[-1]}")
