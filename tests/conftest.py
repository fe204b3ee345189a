import shutil

import pytest
from django.conf import settings

from lms.celery import app as celery_app


def pytest_report_header(config):
    from django.db import connection

    broker = settings.CELERY_BROKER_URL or "none (tasks run eagerly; worker tests use memory://)"
    db = settings.DATABASES["default"]
    return [
        f"database: {connection.vendor} ({db['ENGINE']}, {db.get('HOST') or db.get('NAME')})",
        f"celery broker: {broker}",
    ]


@pytest.fixture(autouse=True)
def _isolated_cache_and_media(settings, tmp_path):
    """Each test gets an empty cache (rate limits, helplines) and its own media folder."""
    from django.core.cache import cache

    cache.clear()
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private-media")
    yield
    cache.clear()
    shutil.rmtree(tmp_path / "media", ignore_errors=True)
    shutil.rmtree(tmp_path / "private-media", ignore_errors=True)


@pytest.fixture
def celery_eager():
    """Run tasks in-process for the duration of a test, whatever broker is configured."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield celery_app
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def user(db):
    from tests.factories import UserFactory

    return UserFactory()
