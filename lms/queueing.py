"""Queueing Celery tasks safely from request code.

Tasks are queued by name so a lower app can ask a higher one to do work without importing it, and
only after the surrounding transaction commits, so a worker never sees rows that were rolled back.
If the broker is down, queueing fails quietly (logged): the caller's data is already committed and
each app's periodic sweep picks up anything that was never queued. After a failure this process
stops trying for BROKER_RETRY_SECONDS, so during an outage only one request in that window waits
for the broker (about a second at most) and the rest go on at once. Tasks (the sweeps) always try.
"""

import logging
import time
from functools import partial

from celery import current_task
from django.conf import settings
from django.db import transaction

from .celery import app, import_all_tasks

logger = logging.getLogger(__name__)

# Per broker URL: the time.monotonic() before which this process does not try that broker again.
_broker_down_until: dict[str, float] = {}


def broker_presumed_down() -> bool:
    """True for BROKER_RETRY_SECONDS after this process last failed to reach the broker. Never
    inside a running task: the broker just delivered it, and no learner waits on a worker."""
    if app.conf.task_always_eager or current_task:
        return False
    return time.monotonic() < _broker_down_until.get(app.conf.broker_url, 0.0)


def enqueue(task_name: str, *args, **kwargs) -> bool:
    """Queue `task_name` now. Returns False (and logs) instead of raising if it cannot be queued."""
    task = app.tasks.get(task_name)
    if task is None:
        # Celery discovers the apps' task modules lazily (when a worker starts); a web process
        # imports them here the first time it queues something.
        import_all_tasks()
        task = app.tasks.get(task_name)
    if task is None:
        logger.error("No Celery task named %s is registered; nothing was queued", task_name)
        return False
    if broker_presumed_down():
        logger.warning(
            "Could not queue %s%r: the broker was unreachable moments ago; the periodic sweep will retry it",
            task_name, args,
        )
        return False
    try:
        task.apply_async(args=args, kwargs=kwargs)
    except Exception:
        _broker_down_until[app.conf.broker_url] = time.monotonic() + settings.BROKER_RETRY_SECONDS
        logger.exception("Could not queue %s%r; the periodic sweep will retry it", task_name, args)
        return False
    return True


def enqueue_on_commit(task_name: str, *args, **kwargs) -> None:
    """Queue `task_name` once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(partial(enqueue, task_name, *args, **kwargs))
