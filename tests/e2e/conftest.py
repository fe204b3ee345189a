"""Browser tests: Playwright driving Debian's Chromium against a live server.

Every test here needs Chromium, and those that check accessibility need axe-core: skipped, with a
clear message, on a machine without them (a fresh laptop still passes the rest of `make test`),
failed in CI (tests/requirements.py).
"""

import os
from pathlib import Path

import pytest

from tests.requirements import ROOT, require

from .browser import CHROMIUM

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.needs("chromium"))


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
    require("axe-core")
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
