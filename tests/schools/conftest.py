"""Browser tests in this folder reuse the e2e set-up (Debian's Chromium, axe-core)."""

import pytest

from tests.e2e.conftest import CHROMIUM, REQUIRED, axe, browser_type_launch_args, e2e_settings  # noqa: F401


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    for item in items:
        if "tests/schools/test_browser" in str(item.fspath):
            if REQUIRED:
                raise pytest.UsageError("Chromium not found, but CI_REQUIRE_BROWSER=1")
            item.add_marker(pytest.mark.skip(reason="Chromium not found: browser tests skipped"))
