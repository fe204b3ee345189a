"""The one rule for tests that need something from the machine: skip on a laptop, fail in CI."""

import pytest

from tests import requirements


@pytest.fixture
def nothing_installed(monkeypatch):
    monkeypatch.setitem(
        requirements.REQUIREMENTS, "poppler", requirements.Requirement(lambda: False, "poppler-utils")
    )
    monkeypatch.delenv("CI_REQUIRE_BROWSER", raising=False)


def test_a_missing_requirement_skips_the_test_on_a_laptop(nothing_installed, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs poppler-utils"):
        requirements.require("poppler")


@pytest.mark.parametrize("variable, value", [("CI", "true"), ("CI", "1"), ("CI_REQUIRE_BROWSER", "1")])
def test_a_missing_requirement_fails_the_test_in_ci(nothing_installed, monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(pytest.fail.Exception, match="needs poppler-utils .*required in CI"):
        requirements.require("poppler")


def test_a_stand_in_broker_is_fine_locally_but_not_in_ci(monkeypatch, settings):
    settings.CELERY_BROKER_URL = ""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("CI_REQUIRE_BROWSER", raising=False)
    assert requirements.missing(["broker"]) == []
    monkeypatch.setenv("CI", "true")
    assert requirements.missing(["broker"]) == [requirements.REQUIREMENTS["broker"].missing]


def test_a_misspelt_requirement_is_an_error_not_a_skip():
    with pytest.raises(KeyError):
        requirements.missing(["postgres"])
