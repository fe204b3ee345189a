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
