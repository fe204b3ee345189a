"""The platform's Celery app. Configuration lives in Django settings under the CELERY_ prefix."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.local")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")

# Task modules: every installed app's `tasks.py`, plus the project's own `lms/tasks.py`.
# Celery imports them lazily, when a worker starts.
EXTRA_TASK_PACKAGES = ["lms"]
app.autodiscover_tasks()
app.autodiscover_tasks(EXTRA_TASK_PACKAGES)


def import_all_tasks() -> None:
    """Import every task module now (a web process queueing a task by name needs this)."""
    app.autodiscover_tasks(force=True)
    app.autodiscover_tasks(EXTRA_TASK_PACKAGES, force=True)
