"""Finding the unfinished-course reminders that are due among 100,000 enrollments.

Data: `manage.py generate_progress_data` in the test database (25,000 learners in 4 courses of 12
modules: 100,000 enrollments, 1,000,000 module-progress rows), then each enrollment's last activity
spread over the past 30 days (so about a quarter are due a reminder at any moment). Run on
PostgreSQL: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench make bench PYTEST_ARGS="-k reminders"`.
Prints the time and queries to find one dispatcher batch (500) and every due reminder; asserts only
that the number of queries is fixed.
"""

import os
import statistics
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import Enrollment
from courses.reminders import unfinished_due

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]

LEARNERS = int(os.environ.get("BENCH_PROGRESS_LEARNERS", "25000"))


def _measure(limit, runs=5):
    timings, counts, found = [], set(), 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            found = len(unfinished_due(now=timezone.now(), limit=limit))
            timings.append((time.perf_counter() - started) * 1000)
        counts.add(len(queries))
    return statistics.median(timings), counts, found


def test_finding_due_reminders_among_100000_enrollments():
    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("generate_progress_data", learners=LEARNERS, stdout=quiet)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "UPDATE courses_moduleprogress SET completed_at = now() - "
                "((enrollment_id % 30) * interval '1 day') - interval '1 hour'"
            )
            cursor.execute("ANALYZE courses_moduleprogress")
    load = time.perf_counter() - started
    print(f"\n  data: {Enrollment.objects.count()} enrollments ({connection.vendor}), "
          f"loaded in {load:.1f} s; load average {os.getloadavg()[0]:.1f}")
    for limit in (500, 100_000):
        median, counts, found = _measure(limit)
        print(f"  due reminders, batch of {limit:>6}: {found:>6} found   queries {sorted(counts)}   "
              f"median {median:8.1f} ms")
        assert max(counts) <= 3  # one query per reminder of the schedule, and the site root once
