"""Progress benchmark: a module page and a completion POST with 100,000 enrollments and 1,000,000
module-progress rows in the database.

Data: `manage.py generate_progress_data` in the test database (4 courses of 12 modules, 25,000
learners in all four, 10 modules done each; sizes via BENCH_PROGRESS_LEARNERS). Run on PostgreSQL:
`DATABASE_URL=postgres://postgres@127.0.0.1:5432/progress make bench PYTEST_ARGS="-k progress"`.
Each measured request is a different learner's (so every page view records a visit and every POST
stores a new row). Prints medians and the 90th percentile; asserts only that query counts are fixed.
"""

import os
import statistics
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import CoursePage, Enrollment, ModulePage, ModuleProgress

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]

LEARNERS = int(os.environ.get("BENCH_PROGRESS_LEARNERS", "25000"))
SAMPLES = 60


def _report(label, timings, counts):
    timings = sorted(timings)
    p90 = timings[int(len(timings) * 0.9) - 1]
    print(
        f"  {label:<42} queries {','.join(map(str, sorted(counts))):>5}   "
        f"median {statistics.median(timings):6.1f} ms   p90 {p90:6.1f} ms   n={len(timings)}"
    )


def test_module_page_and_completion_post_with_a_million_progress_rows():
    started = time.perf_counter()
    call_command("generate_progress_data", learners=LEARNERS, stdout=open(os.devnull, "w"))  # noqa: SIM115
    generated = time.perf_counter() - started
    course = CoursePage.objects.get(slug="benchmark-course-1")
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    eleventh = modules[10]
    enrollments = list(
        Enrollment.objects.filter(course=course).select_related("user").order_by("?")[: 2 * SAMPLES + 2]
    )
    print(
        f"\nprogress benchmark on {connection.vendor}: {Enrollment.objects.count():,} enrollments, "
        f"{ModuleProgress.objects.count():,} module-progress rows (generated in {generated:.0f} s)"
    )

    client = Client()
    page_timings, page_counts = [], set()
    for number, enrollment in enumerate(enrollments[: SAMPLES + 1]):
        client.force_login(enrollment.user)
        with CaptureQueriesContext(connection) as queries:
            t0 = time.perf_counter()
            response = client.get(eleventh.url)
            elapsed = (time.perf_counter() - t0) * 1000
        assert response.status_code == 200
        assert "10 of 12 modules complete" in response.content.decode()
        if number:  # the first request warms caches (site root paths, templates)
            page_timings.append(elapsed)
            page_counts.add(len(queries.captured_queries))
    _report("module page (first visit: records it)", page_timings, page_counts)

    post_timings, post_counts = [], set()
    url = reverse("courses:module_complete", args=[course.pk, eleventh.pk])
    for number, enrollment in enumerate(enrollments[SAMPLES + 1:]):
        client.force_login(enrollment.user)
        with CaptureQueriesContext(connection) as queries:
            t0 = time.perf_counter()
            response = client.post(url, {"next": modules[11].url})
            elapsed = (time.perf_counter() - t0) * 1000
        assert response.status_code == 302
        if number:
            post_timings.append(elapsed)
            post_counts.add(len(queries.captured_queries))
    _report("completion POST (stores a new row)", post_timings, post_counts)
    assert len(page_counts) == 1 and len(post_counts) == 1
