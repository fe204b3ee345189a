"""Certificate benchmarks (run with `make bench PYTEST_ARGS="-k certificate"`).

1. Warm render: median and 95th percentile of 100 renders in one process, after warm-up, of a
   finished certificate (platform logo, QR code, embedded Noto fonts), with learners' names
   cycling through 12 scripts (Latin, Arabic, Urdu, Bengali, Gujarati, Gurmukhi, Tamil, Chinese,
   Polish, Somali, Greek, Turkish). No database.
2. Queue clearing: N completed enrollments (default 500, BENCH_CERT_N) queued by name, cleared by
   ONE real Celery worker (`celery -A lms worker --concurrency 2`, prefork; BENCH_CERT_CONCURRENCY)
   on Redis and PostgreSQL: create, render, store and email each certificate. With N below 5,000
   the time for 5,000 is extrapolated linearly and printed as an estimate.
3. Against naive WeasyPrint: our warm render and a one-shot WeasyPrint render of the same HTML
   (fresh fonts and stylesheet), interleaved in one run, CPU time and PDF size, Latin and CJK
   names. Needs DATABASE_URL (PostgreSQL) and
   REDIS_URL, e.g.:
   DATABASE_URL=postgres://postgres@127.0.0.1:5432/certbench REDIS_URL=redis://127.0.0.1:6379/11 \
     make bench PYTEST_ARGS="-k certificate"
"""

import os
import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from certificates.rendering import CertificateData, render_certificate_pdf
from tests.certificates.test_rendering import NAMES
from tests.factories import CoursePageFactory

pytestmark = pytest.mark.benchmark
ROOT = Path(__file__).resolve().parents[2]


def _data(name):
    return CertificateData(
        learner_name=name,
        course_title="Suicide prevention: an introduction for Londoners",
        completed_on=date(2026, 11, 26),
        code="7KQ2-M9XD-3HWP-R4TB",
        verify_url="https://training.example.org/certificates/verify/7KQ2-M9XD-3HWP-R4TB/",
        verify_page="training.example.org/certificates/verify/",
        body="Free online training for Londoners.",
        signatory_name="Dr Jane Smith",
        signatory_role="Programme lead",
    )


def test_certificate_render_time_warm():
    names = list(NAMES.values())
    started = time.perf_counter()
    render_certificate_pdf(_data(names[0]))
    first = time.perf_counter() - started
    for name in names:  # warm-up: every script's fonts loaded once
        render_certificate_pdf(_data(name))
    timings, cpu = [], []
    for i in range(100):
        started, started_cpu = time.perf_counter(), time.process_time()
        render_certificate_pdf(_data(names[i % len(names)]))
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    timings.sort()
    cpu.sort()
    median = statistics.median(timings)
    p95 = timings[94]
    print(
        f"\ncertificate render, warm process, 100 renders over 12 scripts: median {median:.1f} ms, "
        f"p95 {p95:.1f} ms, min {timings[0]:.1f} ms, max {timings[-1]:.1f} ms wall clock; "
        f"CPU time median {statistics.median(cpu):.1f} ms, p95 {cpu[94]:.1f} ms "
        f"(first render in this process {first * 1000:.0f} ms; load average now "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    by_script = {}
    for script, name in NAMES.items():
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            render_certificate_pdf(_data(name))
            runs.append((time.perf_counter() - started) * 1000)
        by_script[script] = statistics.median(runs)
    print("median by script (5 renders each): " + ", ".join(f"{k} {v:.0f} ms" for k, v in by_script.items()))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.timeout(3600)
def test_time_to_clear_queued_certificates_with_one_worker(tmp_path):
    if connection.vendor != "postgresql" or not settings.CELERY_BROKER_URL:
        pytest.skip("needs DATABASE_URL on PostgreSQL and REDIS_URL (see the module docstring)")
    from django.utils import timezone

    from certificates.models import Certificate
    from courses.models import Enrollment
    from lms.accounts.models import User
    from lms.celery import app

    n = int(os.environ.get("BENCH_CERT_N", "500"))
    concurrency = int(os.environ.get("BENCH_CERT_CONCURRENCY", "2"))
    names = list(NAMES.values())
    course = CoursePageFactory()
    users = User.objects.bulk_create(
        User(email=f"bench{i}@example.org", full_name=f"{names[i % len(names)]} {i}") for i in range(n)
    )
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(user=user, course=course, completed_at=now) for user in users
    )
    app.control.purge()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": _database_url(),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "LOG_LEVEL": "WARNING",
    }
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = usage.ru_utime + usage.ru_stime
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lms", "worker", "--concurrency", str(concurrency),
         "--pool", "prefork",
         "--loglevel", "WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        ping = app.send_task("lms.ping", args=["ready"])
        ping.get(timeout=60)  # the worker is up and its process warmed
        load_before = os.getloadavg()[0]
        loads = []
        started = time.perf_counter()
        for enrollment in enrollments:
            app.send_task("certificates.tasks.issue_certificate", args=[enrollment.id])
        done = 0
        deadline = started + 3600
        while time.perf_counter() < deadline:
            done = Certificate.objects.filter(emailed_at__isnull=False).exclude(pdf="").count()
            if done >= n:
                break
            loads.append(os.getloadavg()[0])
            time.sleep(0.5)
        elapsed = time.perf_counter() - started
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_cpu = usage.ru_utime + usage.ru_stime - cpu_before
    assert done == n, worker.stderr.read() if worker.stderr else ""
    per = elapsed / n
    scale = (
        f"measured for {n}, not extrapolated" if n >= 5000 else
        f"extrapolated linearly (not measured): 5,000 would take about {5000 * per:.0f} s "
        f"({5000 * per / 60:.1f} min); BENCH_CERT_N=5000 measures it"
    )
    print(
        f"\nqueue clearing: {n} certificates issued (created, rendered, stored, emailed to locmem) by one "
        f"worker (prefork, concurrency {concurrency}) on Redis + PostgreSQL in {elapsed:.1f} s: "
        f"{per * 1000:.0f} ms each, {n / elapsed:.1f}/s; {scale}. Worker CPU time "
        f"{worker_cpu:.1f} s in all ({worker_cpu / n * 1000:.0f} ms per certificate, start-up "
        f"included); 1-minute load average {load_before:.1f} before the run, "
        f"{statistics.mean(loads or [0]):.1f} on average and {max(loads or [0]):.1f} at most during it, "
        f"{os.getloadavg()[0]:.1f} now, on {os.cpu_count()} cores."
    )


def _database_url():
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


CJK_NAMES = {"Chinese": "王小明", "Korean": "김민준", "Japanese": "佐藤花子"}
LATIN_NAME = "Zoë Ó'Brien-Núñez"


def _naive_render(html: str) -> bytes:
    """What a one-shot WeasyPrint call does with the same HTML: a fresh font configuration and a
    freshly parsed stylesheet, no shared state (the same safe fetcher, so it fetches the same)."""
    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from certificates import rendering

    fonts = FontConfiguration()
    css = CSS(filename=finders.find(rendering.STYLESHEET), font_config=fonts,
              url_fetcher=rendering._fetcher())
    base_url = Path(finders.find(rendering.STYLESHEET)).parent.as_uri() + "/"
    return HTML(string=html, base_url=base_url, url_fetcher=rendering._fetcher()).write_pdf(
        font_config=fonts, stylesheets=[css], pdf_variant="pdf/ua-1"
    )


def _cpu_ms(fn, rounds):
    samples = []
    for _ in range(rounds):
        started = time.process_time()
        result = fn()
        samples.append((time.process_time() - started) * 1000)
    return statistics.median(samples), result


def test_certificate_render_against_naive_weasyprint():
    """Warm render (our per-process state) against a naive one-shot render of the same HTML, in the
    same run, interleaved: CPU time median of ROUNDS each, PDF sizes, for a Latin and CJK names."""
    from django.utils import translation

    from certificates import rendering
    from lms.branding import site_name

    rounds = int(os.environ.get("BENCH_CERT_ROUNDS", "20"))
    rendering.warm_up()
    print(f"\ncertificate render, CPU ms median of {rounds} (load average "
          + "{:.2f} {:.2f} {:.2f})".format(*os.getloadavg()))
    for label, name in {"Latin": LATIN_NAME, **CJK_NAMES}.items():
        data = _data(name)
        render_certificate_pdf(data)  # this script's fonts loaded once
        context = rendering._context(data)
        with translation.override(data.language):  # the HTML our render lays out, site name too
            html = rendering._template().render({**context, "fit": 0, "SITE_NAME": site_name()})
        _naive_render(html)
        warm, pdf = _cpu_ms(lambda data=data: render_certificate_pdf(data), rounds)
        naive, naive_pdf = _cpu_ms(lambda html=html: _naive_render(html), max(3, rounds // 4))
        print(f"  {label:<9} ours {warm:6.1f} ms, {len(pdf) / 1024:5.1f} KiB | naive one-shot "
              f"WeasyPrint {naive:6.1f} ms, {len(naive_pdf) / 1024:5.1f} KiB | naive/ours "
              f"{naive / warm:.1f}x  (load {os.getloadavg()[0]:.2f})")
