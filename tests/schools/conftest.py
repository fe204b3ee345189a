"""Browser tests in this folder reuse the e2e set-up (Debian's Chromium, axe-core). They run on a
committed database that other transactional tests may have flushed, so they put back the reference
data that migrations normally create (boroughs, Wagtail's root and the home page) instead of relying
on a serialized rollback."""

import pytest

from tests.e2e.conftest import CHROMIUM, REQUIRED, axe, browser_type_launch_args, e2e_settings  # noqa: F401

from .factories import ensure_reference_data


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    for item in items:
        if "tests/schools/test_browser" in str(item.fspath):
            if REQUIRED:
                raise pytest.UsageError("Chromium not found, but CI_REQUIRE_BROWSER=1")
            item.add_marker(pytest.mark.skip(reason="Chromium not found: browser tests skipped"))


@pytest.fixture
def reference_data(transactional_db):
    ensure_reference_data()
