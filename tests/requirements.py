"""What some tests need from the machine, and one rule for when it is missing.

Mark a test `@pytest.mark.needs("poppler", ...)` (or call `require(...)` from a fixture, as the
`redis_server` and `axe` fixtures do). On a
laptop a missing requirement skips the test and says what to install; in CI (`CI=true`, which
`.ci/run` sets; `CI_REQUIRE_BROWSER=1` counts too) it fails the run instead, so a CI configuration
that slipped can never turn into green tests that did not run.
"""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def in_ci() -> bool:
    return (
        os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
        or os.environ.get("CI_REQUIRE_BROWSER") == "1"
    )


def _postgresql() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def _programs(*names):
    return lambda: all(shutil.which(name) for name in names)


def _chromium() -> bool:
    from tests.e2e.browser import CHROMIUM

    return CHROMIUM is not None


def _axe_core() -> bool:
    return (ROOT / "node_modules" / "axe-core" / "axe.min.js").exists()


def _broker() -> bool:
    from django.conf import settings

    return bool(settings.CELERY_BROKER_URL)


@dataclass(frozen=True)
class Requirement:
    check: object
    missing: str  # what to tell the person running the tests
    only_in_ci: bool = False  # met locally by a stand-in (the in-memory broker); CI needs the real one


REQUIREMENTS = {
    "postgresql": Requirement(
        _postgresql, "PostgreSQL (set DATABASE_URL=postgres://...): SQLite serialises writers"
    ),
    "poppler": Requirement(
        _programs("pdftotext", "pdfinfo", "pdffonts", "pdftoppm", "pdfimages"),
        "poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm, pdfimages)",
    ),
    "zbar": Requirement(_programs("zbarimg"), "zbar-tools (zbarimg)"),
    "redis-server": Requirement(
        _programs("redis-server"), "redis-server (Debian's `redis-server`), for the Redis outage tests"
    ),
    "chromium": Requirement(_chromium, "Chromium (Debian's `chromium`, or set CHROMIUM_PATH)"),
    "axe-core": Requirement(_axe_core, "node_modules/axe-core (run `npm ci`)"),
    "broker": Requirement(
        _broker, "a Celery broker (set REDIS_URL); the in-memory transport stands in locally", True
    ),
}


def missing(names) -> list[str]:
    """What is missing of `names`, as messages (empty when everything is there)."""
    found = []
    for name in names:
        requirement = REQUIREMENTS[name]  # a KeyError names a misspelt requirement
        if requirement.only_in_ci and not in_ci():
            continue
        if not requirement.check():
            found.append(requirement.missing)
    return found


def require(*names):
    """Inside a test or fixture: skip (laptop) or fail (CI) unless every requirement is met."""
    absent = missing(names)
    if not absent:
        return
    message = "needs " + "; ".join(absent)
    if in_ci():
        pytest.fail(message + " (required in CI)", pytrace=False)
    pytest.skip(message)


def needed_by(item) -> list[str]:
    return [name for mark in item.iter_markers("needs") for name in mark.args]
