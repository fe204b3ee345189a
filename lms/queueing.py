"""Queueing Celery tasks safely from request code.

Tasks are queued by name so a lower app can ask a higher one to do work without importing it, and
only after the surrounding transaction commits, so a worker never sees rows that were rolled back.
If the broker is down, queueing fails quietly (logged): the caller's data is already committed and
each app's periodic sweep picks up anything that was never queued.
"""

import logging
from functools import partial

from django.db import transaction

from .celery import app, import_all_tasks

logger = logging.getLogger(__name__)


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
    try:
        task.apply_async(args=args, kwargs=kwargs)
    except Exception:
        logger.exception("Could not queue %s%r; the periodic sweep will retry it", task_name, args)
        return False
    return True


def enqueue_on_commit(task_name: str, *args, **kwargs) -> None:
    """Queue `task_name` once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(partial(enqueue, task_name, *args, **kwargs))
