"""Finding the accounts the daily retention task must warn, among 50,000 learners.

Data (made here with bulk inserts): 50,000 learners whose last sign-in is spread evenly over the
past 5 years, so about 2 in 5 are past the 3-year period; no certificates (the certificate rule adds
one correlated subquery per row; see the coverage benchmark for certificate-heavy data). Run on
PostgreSQL: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench make bench PYTEST_ARGS="-k retention"`.
Prints the time and queries to find them; asserts only that the number of queries is fixed.
"""

import os
import statistics
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.accounts.models import User
from lms.accounts.retention import inactive_accounts

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]

LEARNERS = int(os.environ.get("BENCH_RETENTION_LEARNERS", "50000"))


def test_finding_accounts_to_warn_among_50000_learners():
    now = timezone.now()
    span = timedelta(days=5 * 365)
    User.objects.bulk_create(
        [
            User(email=f"bench{n}@example.org", full_name=f"Bench {n}", password="!",
                 date_joined=now - span, last_login=now - span * (n / LEARNERS))
            for n in range(LEARNERS)
        ],
        batch_size=5000,
    )
    timings, counts, found = [], set(), 0
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            found = len(list(inactive_accounts(now=now).values_list("pk", flat=True)))
            timings.append((time.perf_counter() - started) * 1000)
        counts.add(len(queries))
    print(
        f"\n{connection.vendor}: {LEARNERS} learners, {found} past the retention period: "
        f"median {statistics.median(timings):.1f} ms over 5 runs, queries {sorted(counts)}"
    )
    assert counts == {1}
    assert abs(found - LEARNERS * 2 / 5) < LEARNERS * 0.01
