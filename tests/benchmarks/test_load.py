"""Load run on this machine: gunicorn (production settings) with PostgreSQL and Redis, driven by
wrk on loopback. Compares the anonymous home page (the launch-day spike), a signed-in module page,
and a static file served by the same gunicorn (the ceiling), so the ratios mean something.

Data: a fresh PostgreSQL database `lms_load` (BENCH_LOAD_DATABASE_URL to change) with migrations and
`seed_demo` (the demo courses and the shipped London register). Needs `wrk` (Debian package) and
PostgreSQL/Redis on 127.0.0.1. Run with `make bench PYTEST_ARGS="-k load"`.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LUA = Path(__file__).with_name("wrk_report.lua")
DB_URL = os.environ.get("BENCH_LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lms_load")
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_LOAD_CONNECTIONS", "32"))
WORKERS = int(os.environ.get("BENCH_LOAD_WORKERS", "4"))

pytestmark = pytest.mark.benchmark


def _env(port, key_file):
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": "load-benchmark-" + "x9" * 30,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": DB_URL,
        "REDIS_URL": "redis://127.0.0.1:6379/12",
        "CACHE_URL": "redis://127.0.0.1:6379/13",
        "PUBLIC_PAGE_CACHE_SECONDS": "300",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
        "CREDENTIALS_SIGNING_KEY_FILE": str(key_file),
        "PRIVACY_CONTROLLER": "Load benchmark (sample)",
        "PRIVACY_CONTACT": "privacy@example.org",
    }


def _manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True,
        capture_output=True, **kwargs,
    )


def _ensure_database():
    import psycopg2

    name = DB_URL.rsplit("/", 1)[1]
    conn = psycopg2.connect(DB_URL.rsplit("/", 1)[0] + "/postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cur.fetchone():
            cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()


SESSION_SCRIPT = """
from importlib import import_module
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from courses.models import ModulePage
from lms.accounts.models import User
user, _ = User.objects.get_or_create(email="load-test@example.org", defaults={"full_name": "Load Test"})
EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
module = ModulePage.objects.live().filter(is_assessment=False).order_by("path").first()
try:
    from courses.services import enrollment_start
    enrollment_start(user=user, course=module.get_parent().specific)
except Exception as exc:  # the page itself reports whether it can be read
    print("NOTE", exc)
store = import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.create()
print("SESSION", store.session_key)
print("MODULE", module.url)
"""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wrk(url, headers=()):
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-s", str(LUA)]
    for header in headers:
        args += ["-H", header]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT"))
    return dict(pair.split("=") for pair in line.split()[1:])


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is not installed (apt-get install wrk)")
def test_load_home_module_and_static(tmp_path):
    port = _free_port()
    env = _env(port, tmp_path / "credential-keys.json")
    local = {k: v for k, v in env.items() if k != "CREDENTIALS_SIGNING_KEY_FILE"}
    _manage({**local, "DJANGO_SETTINGS_MODULE": "lms.settings.local"}, "credential_keys", "new",
            "--output", env["CREDENTIALS_SIGNING_KEY_FILE"])
    _ensure_database()
    _manage(env, "migrate", "--noinput")
    _manage(env, "seed_demo")
    _manage(env, "collectstatic", "--noinput")
    session_out = _manage(env, "shell", "-c", SESSION_SCRIPT).stdout
    session = re.search(r"SESSION (\S+)", session_out).group(1)
    module_path = re.search(r"MODULE (\S+)", session_out).group(1)
    static_path = "/static/" + _manage(
        env, "shell", "-c",
        "from django.contrib.staticfiles.storage import staticfiles_storage as s;"
        "print(s.stored_name('css/site.css'))",
    ).stdout.strip().splitlines()[-1]  # the shell may print its auto-import notice first

    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "lms.wsgi", "-w", str(WORKERS), "-b",
         f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    cookie = f"Cookie: sessionid={session}"
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        request = urllib.request.Request(base + module_path, headers={"Cookie": f"sessionid={session}"})
        status = urllib.request.urlopen(request, timeout=10).status
        assert status == 200, f"signed-in module page answered {status}"
        results = {
            "static file (ceiling)": _wrk(base + static_path),
            "anonymous home page": _wrk(base + "/"),
            "signed-in module page": _wrk(base + module_path, [cookie]),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)

    ceiling = float(results["static file (ceiling)"]["rps"])
    print(f"\nLoad run: gunicorn {WORKERS} workers, wrk 2 threads x {CONNECTIONS} connections x "
          f"{SECONDS}s per URL, PostgreSQL + Redis on loopback, {os.cpu_count()} cores")
    print(f"{'target':<24}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'non-2xx':>9}"
          f"{'% of ceiling':>14}")
    for name, r in results.items():
        print(f"{name:<24}{float(r['rps']):>10.1f}{float(r['p50_ms']):>10.2f}"
              f"{float(r['p95_ms']):>10.2f}{float(r['p99_ms']):>10.2f}{r['non2xx']:>9}"
              f"{100 * float(r['rps']) / ceiling:>13.0f}%")
    for r in results.values():
        assert int(r["non2xx"]) == 0 and int(r["errors"]) == 0
