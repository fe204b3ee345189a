"""Start-up configuration: wrong or missing values give a one-line error naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(env_overrides, *args, settings_module="lms.settings.production"):
    skip = {"DATABASE_URL", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update({"DJANGO_SETTINGS_MODULE": settings_module, **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )


GOOD_KEY = "k" * 30 + "0123456789abcdefghij-_=+"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage({"ALLOWED_HOSTS": "example.org", "SECRET_KEY": ""}, "check")
    assert result.returncode == 2
    assert result.stderr.strip() == "Configuration error: SECRET_KEY is not set: see .env.example"


def test_production_refuses_a_short_secret_key():
    result = run_manage({"ALLOWED_HOSTS": "example.org", "SECRET_KEY": "short"}, "check")
    assert result.returncode == 2
    assert "SECRET_KEY must be at least 50 random characters" in result.stderr


def test_a_malformed_database_url_names_the_variable():
    result = run_manage(
        {"DATABASE_URL": "nonsense", "SECRET_KEY": "x"}, "check",
        settings_module="lms.settings.local",
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Configuration error: DATABASE_URL")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_malformed_boolean_names_the_variable():
    result = run_manage({"DEBUG": "perhaps"}, "check", settings_module="lms.settings.local")
    assert result.returncode == 2
    assert "DEBUG must be true or false" in result.stderr


def test_a_broker_that_is_not_a_url_names_the_variable():
    result = run_manage({"REDIS_URL": "localhost"}, "check", settings_module="lms.settings.local")
    assert result.returncode == 2
    assert "REDIS_URL must be a URL" in result.stderr


PRODUCTION = {"ALLOWED_HOSTS": "training.example.org", "SECRET_KEY": GOOD_KEY,
              "SITE_URL": "https://training.example.org", "PRIVACY_CONTROLLER": "Example Programme Ltd",
              "PRIVACY_CONTACT": "privacy@example.org, 1 Example Street, London"}


def _key_file(tmp_path):
    """A credential signing key set, made by the command the README gives."""
    path = tmp_path / "credential-keys.json"
    result = run_manage(
        {}, "credential_keys", "new", "--output", str(path), settings_module="lms.settings.local"
    )
    assert result.returncode == 0, result.stderr
    return str(path)


def test_production_settings_pass_check_deploy_with_no_warnings(tmp_path):
    result = run_manage(
        {**PRODUCTION, "DATABASE_URL": "sqlite:////tmp/lms-deploy-check.sqlite3",
         "CREDENTIALS_SIGNING_KEY_FILE": _key_file(tmp_path)},
        "check", "--deploy", "--fail-level", "WARNING",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_credential_signing_key():
    result = run_manage(PRODUCTION, "check")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("Configuration error: CREDENTIALS_SIGNING_KEY_FILE is not set")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("name", ["PRIVACY_CONTROLLER", "PRIVACY_CONTACT"])
def test_production_refuses_to_start_without_the_privacy_notices_controller(tmp_path, name):
    result = run_manage(
        {**PRODUCTION, name: "", "CREDENTIALS_SIGNING_KEY_FILE": _key_file(tmp_path)}, "check"
    )
    assert result.returncode != 0
    assert result.stderr.strip().startswith(f"Configuration error: {name} is not set")


def test_production_names_a_credential_key_file_it_cannot_read(tmp_path):
    missing = str(tmp_path / "missing.json")
    result = run_manage({**PRODUCTION, "CREDENTIALS_SIGNING_KEY_FILE": missing}, "check")
    assert result.returncode == 2
    expected = f"Configuration error: CREDENTIALS_SIGNING_KEY_FILE cannot be read: {missing}"
    assert result.stderr.strip() == expected


def _env_example_values():
    """The variables `.env.example` sets when copied to `.env` as it is."""
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
    return values


PROBE = (
    "from django.conf import settings; from django.templatetags.static import static; "
    "print(settings.DEBUG, settings.SITE_URL, static('css/site.css'))"
)


def test_env_example_as_copied_gives_a_working_local_site(tmp_path):
    """`cp .env.example .env && make run` must serve pages: static URLs resolve with or without
    DEBUG (no collectstatic manifest is needed locally), on the default port's address."""
    values = _env_example_values()
    assert values["DJANGO_SETTINGS_MODULE"] == "lms.settings.local"
    assert not values.get("SECRET_KEY")
    for debug in (values.get("DEBUG", ""), "false"):
        result = run_manage(
            {**values, "DEBUG": debug, "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"},
            "shell", "-c", PROBE, settings_module="lms.settings.local",
        )
        assert result.returncode == 0, result.stderr
        printed = result.stdout.strip().splitlines()[-1].split()
        assert printed[1:] == ["http://127.0.0.1:8000", "/static/css/site.css"]


def test_local_public_address_follows_the_port():
    result = run_manage({"PORT": "9000"}, "shell", "-c", PROBE, settings_module="lms.settings.local")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split()[1] == "http://127.0.0.1:9000"


def test_production_refuses_to_start_without_its_public_address():
    result = run_manage({"ALLOWED_HOSTS": "training.example.org", "SECRET_KEY": GOOD_KEY}, "check")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("Configuration error: SITE_URL is not set")
