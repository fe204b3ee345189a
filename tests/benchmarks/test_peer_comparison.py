"""Side by side with the peer: our signed-in module page against wagtail-lms 0.11.1's lesson page
(and the course pages), same content, same server settings, in one run.

What it builds (nothing of the peer is kept in this repository; BENCH_PEER_DIR, default
/tmp/wagtail-lms-peer):
- the peer: wagtail-lms 0.11.1 from PyPI in its own virtual environment (with Django and Wagtail as
  pip resolves them), the minimal project in tests/benchmarks/peer_project.py, SQLite;
- ours: this checkout with production settings, SQLite (BENCH_PEER_DIR/ours.sqlite3) and the
  Redis cache at BENCH_CACHE_URL (default CACHE_URL);
- on each side one course of 4 lessons with 30 paragraph blocks (the same text) and one enrolled,
  signed-in learner; the page measured is lesson 2. Requests carry the learner's session cookie and
  a CSRF cookie, as a browser's do after its first page.

Then both run under gunicorn with 2 sync workers, and wrk (Debian package) drives each URL for
BENCH_SECONDS with 2 threads x 8 connections, alternating ours and the peer's for BENCH_ROUNDS
rounds. Printed per URL: req/s of each side, the ratio, and the CPU time the gunicorn workers
spent per request (from /proc, so it counts only the servers' work), with the load average.
Run with `make bench PYTEST_ARGS="-k peer"`.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PEER_DIR = Path(os.environ.get("BENCH_PEER_DIR", Path(tempfile.gettempdir()) / "wagtail-lms-peer"))
PEER_VERSION = "wagtail-lms==0.11.1"
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CACHE_URL = os.environ.get("BENCH_CACHE_URL", os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/9"))
LUA = HERE / "wrk_report.lua"
TICKS = os.sysconf("SC_CLK_TCK")
PORTS = [int(port) for port in os.environ.get("BENCH_PORTS", "8140,8141").split(",")]

pytestmark = pytest.mark.benchmark

OURS_SETUP = """
from importlib import import_module
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from courses.models import CoursePage, ModulePage
from courses.services import enrollment_start
from lms.accounts.models import User
from tests.benchmarks.test_learner_pages_cpu import build_benchmark_course
course = CoursePage.objects.filter(title="Suicide prevention: benchmark course").first()
if course is None:
    course, _ = build_benchmark_course()
user, _ = User.objects.get_or_create(email="bench@example.org", defaults={"full_name": "Bench"})
EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
enrollment_start(user=user, course=course)
store = import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.create()
print("SESSION", store.session_key)
print("MODULE", ModulePage.objects.child_of(course).order_by("path")[1].url)
print("COURSE", course.url)
"""


def _ours_env(port):
    from tests.benchmarks.test_load import _env as production_env

    return {
        **production_env(port, PEER_DIR / "credential-keys.json"),
        "DATABASE_URL": f"sqlite:///{PEER_DIR / 'ours.sqlite3'}",
        "CACHE_URL": CACHE_URL,
        "REDIS_URL": "",
    }


def _peer_env():
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
        "DJANGO_SETTINGS_MODULE": "peer_project",
        "PEER_DIR": str(PEER_DIR),
        "PYTHONPATH": str(HERE),
    }


def _run(args, **kwargs):
    return subprocess.run(args, check=True, text=True, capture_output=True, **kwargs).stdout


def _build_peer():
    python = PEER_DIR / "venv" / "bin" / "python"
    if not python.exists():
        PEER_DIR.mkdir(parents=True, exist_ok=True)
        _run([sys.executable, "-m", "venv", str(PEER_DIR / "venv")])
        _run([str(python), "-m", "pip", "install", "--quiet", PEER_VERSION, "gunicorn"])
    out = _run([str(python), str(HERE / "peer_project.py"), "setup"], env=_peer_env(), cwd=PEER_DIR)
    return python, _lines(out)


def _build_ours(env):
    manage = [sys.executable, "manage.py"]
    key_file = Path(env["CREDENTIALS_SIGNING_KEY_FILE"])
    if not key_file.exists():  # production settings refuse to start without the signing keys
        local = {k: v for k, v in env.items() if k != "CREDENTIALS_SIGNING_KEY_FILE"}
        _run([*manage, "credential_keys", "new", "--output", str(key_file)],
             env={**local, "DJANGO_SETTINGS_MODULE": "lms.settings.local"}, cwd=ROOT)
    _run([*manage, "migrate", "--noinput"], env=env, cwd=ROOT)
    _run([*manage, "collectstatic", "--noinput"], env=env, cwd=ROOT)
    return _lines(_run([*manage, "shell", "-c", OURS_SETUP], env=env, cwd=ROOT))


def _lines(out):
    names = ("SESSION", "MODULE", "COURSE")
    return {name: re.search(rf"^{name} (\S+)", out, re.M).group(1) for name in names}


def _serve(python, app, port, env, cwd):
    server = subprocess.Popen(
        [str(python), "-m", "gunicorn", app, "-w", "2", "-b", f"127.0.0.1:{port}",
         "--log-level", "warning"], cwd=cwd, env=env,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.5)
    return server


def _workers_cpu_seconds(server):
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    total = 0
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / TICKS


# The learner's browser has been to the site before: it sends the CSRF cookie back, as a browser
# does after its first page (without it each side would make and set a new one on every request).
CSRF_COOKIE = "csrftoken=" + "Kq7" * 10 + "Kq"


def _cookies(session):
    return f"sessionid={session}; {CSRF_COOKIE}"


def _get(url, session):
    request = urllib.request.Request(url, headers={"Cookie": _cookies(session)})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode()


def _wrk(server, url, session):
    before = _workers_cpu_seconds(server)
    out = _run(["wrk", "-t2", "-c8", f"-d{SECONDS}s", "-s", str(LUA), "-H",
                f"Cookie: {_cookies(session)}", url])
    cpu = _workers_cpu_seconds(server) - before
    line = next(line for line in out.splitlines() if line.startswith("RESULT"))
    result = dict(pair.split("=") for pair in line.split()[1:])
    requests = int(result["requests"])
    result["cpu_ms"] = 1000 * cpu / requests if requests else float("nan")
    return result


def load():
    return "load {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


@pytest.mark.timeout(3600)
@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is not installed (apt-get install wrk)")
def test_module_page_against_the_peer_lesson_page():
    ours_port, peer_port = PORTS
    env = _ours_env(ours_port)
    peer_python, peer = _build_peer()
    ours = _build_ours(env)
    servers = {
        "ours": _serve(sys.executable, "lms.wsgi", ours_port, env, ROOT),
        "peer": _serve(peer_python, "peer_project:application", peer_port, _peer_env(), PEER_DIR),
    }
    bases = {"ours": f"http://127.0.0.1:{ours_port}", "peer": f"http://127.0.0.1:{peer_port}"}
    sessions = {"ours": ours["SESSION"], "peer": peer["SESSION"]}
    pages = {
        "signed-in module/lesson page": {"ours": ours["MODULE"], "peer": peer["MODULE"]},
        "signed-in course page": {"ours": ours["COURSE"], "peer": peer["COURSE"]},
    }
    results = {(page, side): [] for page in pages for side in ("ours", "peer")}
    try:
        for page, urls in pages.items():
            for side in ("ours", "peer"):
                status, html = _get(bases[side] + urls[side], sessions[side])
                assert status == 200, f"{side} {page} answered {status}"
                if "module" in page:
                    assert "Paragraph 30." in html, f"{side} {page} does not show the lesson"
        for _ in range(ROUNDS):
            for page, urls in pages.items():
                for side in ("ours", "peer"):
                    result = _wrk(servers[side], bases[side] + urls[side], sessions[side])
                    result["load"] = load()
                    results[(page, side)].append(result)
    finally:
        for server in servers.values():
            server.terminate()
            server.wait(timeout=30)

    print(f"\nOurs vs wagtail-lms 0.11.1, both SQLite, gunicorn 2 sync workers, wrk -t2 -c8 "
          f"-d{SECONDS}s, {ROUNDS} interleaved rounds, {os.cpu_count()} cores; ours with its Redis "
          f"cache ({CACHE_URL}). Content: 1 course, 4 lessons x 30 paragraph blocks, lesson 2.")
    for page in pages:
        print(f"{page}:")
        for number in range(ROUNDS):
            o, p = results[(page, "ours")][number], results[(page, "peer")][number]
            print(f"  round {number + 1}: ours {float(o['rps']):7.1f} req/s ({o['cpu_ms']:.1f} ms CPU/req), "
                  f"peer {float(p['rps']):7.1f} req/s ({p['cpu_ms']:.1f} ms CPU/req), ratio "
                  f"{float(o['rps']) / float(p['rps']):.2f}; non-2xx ours {o['non2xx']}, peer "
                  f"{p['non2xx']}  [{o['load']}]")
        ours_rps = statistics.median(float(r["rps"]) for r in results[(page, "ours")])
        peer_rps = statistics.median(float(r["rps"]) for r in results[(page, "peer")])
        ours_cpu = statistics.median(r["cpu_ms"] for r in results[(page, "ours")])
        peer_cpu = statistics.median(r["cpu_ms"] for r in results[(page, "peer")])
        print(f"  median: ours {ours_rps:.1f} req/s, peer {peer_rps:.1f} req/s, ratio "
              f"{ours_rps / peer_rps:.2f}; server CPU per request ours {ours_cpu:.1f} ms, peer "
              f"{peer_cpu:.1f} ms, ratio {peer_cpu / ours_cpu:.2f}")
    for result_list in results.values():
        for r in result_list:
            assert int(r["non2xx"]) == 0 and int(r["errors"]) == 0
