import pytest

from lms import queueing
from tests.celery_helpers import use_broker


@pytest.mark.django_db
def test_enqueue_on_commit_runs_the_task_after_commit(django_capture_on_commit_callbacks):
    calls = []
    original = queueing.enqueue

    def record(name, *args, **kwargs):
        calls.append((name, args))
        return original(name, *args, **kwargs)

    queueing.enqueue = record
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            queueing.enqueue_on_commit("lms.ping", "hello")
            assert calls == []  # nothing is sent before the transaction commits
        assert len(callbacks) == 1
        assert calls == [("lms.ping", ("hello",))]
    finally:
        queueing.enqueue = original


def test_enqueue_unknown_task_is_logged_not_raised(caplog):
    assert queueing.enqueue("no.such.task") is False
    assert "No Celery task named no.such.task" in caplog.text


def test_enqueue_with_broker_down_is_logged_not_raised(caplog):
    with use_broker("redis://127.0.0.1:1/0"):  # nothing listens on port 1
        assert queueing.enqueue("lms.ping", "x") is False
    assert "Could not queue lms.ping" in caplog.text


def test_tasks_of_every_app_can_be_queued_by_name_from_a_web_process():
    """A web process has not imported the apps' task modules; queueing by name still finds them."""
    import subprocess
    import sys

    script = (
        "import django; django.setup();"
        "from lms.celery import app;"
        "assert 'certificates.tasks.issue_certificate' not in app.tasks;"
        "from lms.queueing import enqueue;"
        "from unittest import mock;"
        "import celery.app.task as t;"
        "p = mock.patch.object(t.Task, 'apply_async', return_value=None);"
        "p.start();"
        "print(enqueue('certificates.tasks.issue_certificate', 1))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
        env={**__import__("os").environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test"},
    )
    assert out.stdout.strip() == "True", out.stderr


def test_after_one_failure_requests_stop_waiting_on_a_dead_broker(redis_server, settings, caplog):
    """The broker went down: the first request that queues a task waits for it once; the next ones
    within BROKER_RETRY_SECONDS do not try it at all (the sweeps catch up), while a running task
    (a sweep) always tries."""
    import redis
    from celery import shared_task

    broker = redis_server.url(1)
    queued = redis.Redis(port=redis_server.port, db=1)
    settings.BROKER_RETRY_SECONDS = 600
    queueing._broker_down_until.pop(broker, None)
    with use_broker(broker):
        redis_server.stop()
        assert queueing.enqueue("lms.ping", "first") is False
        redis_server.start()  # back, but this process does not know yet
        assert queueing.enqueue("lms.ping", "second") is False
        assert queued.llen("celery") == 0  # the broker was not asked
        assert "the broker was unreachable moments ago" in caplog.text

        @shared_task(name="tests.queue_from_a_task")
        def queue_from_a_task():
            return queueing.enqueue("lms.ping", "from a sweep")

        assert queue_from_a_task.apply().get() is True  # inside a task it tries, and succeeds
        assert queued.llen("celery") == 1

        settings.BROKER_RETRY_SECONDS = 0  # the window has passed
        queueing._broker_down_until[broker] = 0.0
        assert queueing.enqueue("lms.ping", "third") is True
        assert queued.llen("celery") == 2
    queueing._broker_down_until.pop(broker, None)


def test_queueing_never_waits_on_the_result_store():
    """Subscribing to a task's result on Redis made a request wait ~19 s when Redis was down; only
    the health check's ping keeps its result."""
    from lms.celery import app

    queueing.import_all_tasks()
    keeps_result = sorted(
        name for name, task in app.tasks.items() if not name.startswith("celery.") and not task.ignore_result
    )
    assert keeps_result == ["lms.ping"]
