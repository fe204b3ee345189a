"""Start-up configuration: wrong or missing values give a one-line error naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

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


def test_production_settings_pass_check_deploy_with_no_warnings():
    result = run_manage(
        {"ALLOWED_HOSTS": "training.example.org", "SECRET_KEY": GOOD_KEY,
         "DATABASE_URL": "sqlite:////tmp/lms-deploy-check.sqlite3"},
        "check", "--deploy", "--fail-level", "WARNING",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout
