"""Browser tests: Playwright driving Debian's Chromium against a live server.

Skipped, with a clear message, on a machine without Chromium (a fresh laptop still passes the rest
of `make test`); CI sets CI_REQUIRE_BROWSER=1, which turns a missing browser into a failure.
"""

import os
from pathlib import Path

import pytest

from .browser import CHROMIUM, REQUIRED

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    message = "Chromium not found (install Debian's `chromium`): browser tests skipped"
    if REQUIRED:
        raise pytest.UsageError(message + ", but CI_REQUIRE_BROWSER=1")
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=message))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ],
    }


@pytest.fixture
def axe():
    """Run axe-core on the current page; returns WCAG A/AA violations as readable strings."""
    if not AXE_JS.exists():
        if REQUIRED:
            pytest.fail("node_modules/axe-core is missing: run `npm ci`")
        pytest.skip("axe-core not installed (npm not available): accessibility check skipped")
    source = AXE_JS.read_text()

    def check(page):
        # Evaluated through the browser's debugging protocol, which the page's Content-Security-Policy
        # does not govern (an injected inline <script> would rightly be refused by it).
        page.evaluate(source)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(node["target"][0] for node in v["nodes"][:5])
            for v in result["violations"]
        ]

    return check


@pytest.fixture
def e2e_settings(settings, live_server, celery_eager):
    """The live server's public address, a local quick-exit target, and tasks run in-process
    (certificates appear at once; the worker itself is tested in tests/lms and tests/certificates)."""
    settings.SITE_URL = live_server.url
    settings.QUICK_EXIT_URL = f"{live_server.url}/healthz"
    return settings
