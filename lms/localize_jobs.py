"""wagtail-localize's background jobs, run through the platform's Celery queue.

wagtail-localize hands its heavy work (translating a page's subtree, synchronising a locale's
page tree) to a small job backend (`WAGTAILLOCALIZE_JOBS`). This one sends the job to Celery,
queued when the surrounding transaction commits, as every other task of the platform is; with no
broker configured Celery runs it eagerly, in-process.

Celery messages are JSON, so the job's arguments are encoded by reference: model instances
(pages, locales, users) as their model label and primary key, loaded afresh by the worker. The
translation-component manager that wagtail-localize passes along is dropped when no components
are registered (saving it would do nothing); if a deployment registers components, the job runs
in-process instead, since their unsaved forms cannot travel.
"""

import logging

from celery import shared_task
from django.apps import apps
from django.db import models, transaction
from django.utils.module_loading import import_string

from .queueing import enqueue

logger = logging.getLogger(__name__)

TASK_NAME = "lms.localize_jobs.run_localize_job"


class CannotEncode(Exception):
    pass


def _encode(value):
    if isinstance(value, models.Model):
        return {"__model__": value._meta.label, "pk": value.pk}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        return {"__dict__": {key: _encode(item) for key, item in value.items()}}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    from wagtail_localize.components import BaseComponentManager

    if isinstance(value, BaseComponentManager) and not value.components:
        return None
    raise CannotEncode(type(value).__name__)


def _decode(value):
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict):
        if "__model__" in value:
            model = apps.get_model(value["__model__"])
            return model._default_manager.get(pk=value["pk"])
        return {key: _decode(item) for key, item in value["__dict__"].items()}
    return value


class CeleryJobBackend:
    """The `WAGTAILLOCALIZE_JOBS` backend: `enqueue(func, args, kwargs)` -> a Celery task."""

    def __init__(self, options):
        self.options = options

    def enqueue(self, func, args, kwargs):
        path = f"{func.__module__}.{func.__qualname__}"
        try:
            payload = {"args": _encode(list(args)), "kwargs": _encode(dict(kwargs))}
        except CannotEncode as exc:
            logger.warning("Running %s in-process: its arguments cannot be queued (%s)", path, exc)
            func(*args, **kwargs)
            return
        transaction.on_commit(lambda: enqueue(TASK_NAME, path, payload))


@shared_task(name=TASK_NAME, acks_late=True)
def run_localize_job(path: str, payload: dict) -> None:
    """Run one wagtail-localize job. Its jobs are idempotent (a translation that already exists is
    updated, not duplicated), so a redelivered message does no harm."""
    if not path.startswith("wagtail_localize."):
        raise ValueError(f"not a wagtail-localize job: {path}")
    func = import_string(path)
    func(*_decode(payload["args"]), **_decode(payload["kwargs"]))
