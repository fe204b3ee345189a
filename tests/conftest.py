import shutil

import pytest
from django.conf import settings

from lms.celery import app as celery_app
from tests import requirements


def pytest_report_header(config):
    from django.db import connection

    broker = settings.CELERY_BROKER_URL or "none (tasks run eagerly; worker tests use memory://)"
    db = settings.DATABASES["default"]
    from tests.e2e.browser import CHROMIUM

    absent = requirements.missing(requirements.REQUIREMENTS)
    rule = "fail (CI)" if requirements.in_ci() else "skip"
    return [
        f"database: {connection.vendor} ({db['ENGINE']}, {db.get('HOST') or db.get('NAME')})",
        f"celery broker: {broker}",
        f"browser tests: {'Chromium at ' + CHROMIUM if CHROMIUM else 'Chromium not found'}",
        f"tests whose requirements are missing {rule}: " + ("; ".join(absent) or "none missing"),
    ]


def pytest_collection_modifyitems(config, items):
    """A test with a real worker runs on the in-memory transport locally; CI needs the real broker."""
    for item in items:
        if item.get_closest_marker("celery_worker"):
            item.add_marker(pytest.mark.needs("broker"))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """`@pytest.mark.needs(...)`: skip on a laptop, fail in CI, when the machine lacks something."""
    names = requirements.needed_by(item)
    if names:
        requirements.require(*names)


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


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Each test starts in English: a request in another language activates it for the thread, and
    the test client runs requests in the test's own thread."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


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


@pytest.fixture
def admin_user(db):
    """The CMS superuser that pytest-django's `admin_client` signs in: it has two-step sign-in set
    up, as the Wagtail admin requires of everyone."""
    from tests.factories import StaffUserFactory, give_totp

    staff = StaffUserFactory(full_name="Admin User")
    give_totp(staff)
    return staff


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Make the snapshot of migration data (helplines, home page, boroughs) that transactional
    tests restore with `serialized_rollback` visible to every connection object.

    Django keeps it on the connection that created the test database; Playwright's sync API runs
    browser tests in another context, where `connections["default"]` is a different object, so
    without this a browser test that ran after an ordinary test would start from an empty database.
    """
    from django.db import connections

    connection = connections["default"]
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is not None:
        type(connection)._test_serialized_contents = contents
    yield


@pytest.fixture
def redis_server(tmp_path):
    """A redis-server of the test's own, on a port in 6390-6399; stopped at the end."""
    from tests.redis_server import RedisServer

    requirements.require("redis-server")
    server = RedisServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def school(db):
    """An institution with no members yet."""
    from tests.schools.factories import InstitutionFactory

    return InstitutionFactory(name="Elm Park Primary")


@pytest.fixture
def lead(school):
    """A lead of `school` who does not share their own training with it."""
    from schools.models import Membership
    from tests.schools.factories import MembershipFactory

    return MembershipFactory(institution=school, role=Membership.Role.LEAD, shares_completion=False).user
