"""Coverage benchmark: campaign summary and coverage by borough on a full-size data set.

Data: `generate_coverage_data` in the test database: the shipped London register (5,787 rows, 3,229
open), 150,000 learners, 40,000 memberships (half of them confirmed) and 120,000 certificates, and
8,000 confirmed records of training done elsewhere (sizes can be lowered with
BENCH_COVERAGE_LEARNERS / _MEMBERSHIPS / _CERTIFICATES / _EXTERNAL). Then an attendance register of
2,000 rows (1,000 for verified accounts, 1,000 for people without one) is imported twice. Run on
PostgreSQL for figures that mean something:
`DATABASE_URL=postgres://postgres@127.0.0.1:5432/lms make bench PYTEST_ARGS="-k coverage"`.
Prints query counts and timings (median and worst of 7 runs, after one warm-up); asserts only that
the query counts are fixed, never timings.
"""

import os
import statistics
import time
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schools import selectors
from schools.models import Campaign, Institution, InstitutionStatus, Membership
from tests.factories import StaffUserFactory, give_totp

# Committed data (flushed afterwards), so the tables can be vacuumed as autovacuum would in production.
pytestmark = [pytest.mark.benchmark, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LEARNERS = int(os.environ.get("BENCH_COVERAGE_LEARNERS", "150000"))
MEMBERSHIPS = int(os.environ.get("BENCH_COVERAGE_MEMBERSHIPS", "40000"))
CERTIFICATES = int(os.environ.get("BENCH_COVERAGE_CERTIFICATES", "120000"))
EXTERNAL = int(os.environ.get("BENCH_COVERAGE_EXTERNAL", "8000"))
REGISTER_ROWS = 2000
RUNS = 7


def measure(label, fn):
    fn()  # warm-up
    timings, counts = [], set()
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            fn()
            timings.append((time.perf_counter() - started) * 1000)
        counts.add(len(queries.captured_queries))
    print(
        f"  {label:<44} queries {','.join(map(str, sorted(counts))):>4}   "
        f"median {statistics.median(timings):7.1f} ms   worst {max(timings):7.1f} ms"
    )
    return counts


def test_campaign_summary_and_coverage_by_borough(client):
    started = time.perf_counter()
    call_command(
        "generate_coverage_data",
        learners=LEARNERS,
        memberships=MEMBERSHIPS,
        certificates=CERTIFICATES,
        external=EXTERNAL,
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )
    generated = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    campaign = Campaign.objects.get(name__startswith="Benchmark")
    open_count = Institution.objects.filter(status=InstitutionStatus.OPEN).count()
    print(
        f"\nCoverage benchmark on {connection.vendor}: {open_count:,} open institutions, "
        f"{LEARNERS:,} learners, "
        f"{MEMBERSHIPS:,} memberships, {CERTIFICATES:,} certificates, {EXTERNAL:,} external records "
        f"(generated in {generated:.0f} s); "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )

    def fresh():
        return Campaign.objects.get(pk=campaign.pk)  # no cached course list: counts as a request would

    summary_counts = measure(
        "campaign_summary (incl. loading campaign)", lambda: selectors.campaign_summary(campaign=fresh())
    )
    borough_counts = measure(
        "coverage_by_borough (incl. loading campaign)",
        lambda: selectors.coverage_by_borough(campaign=fresh()),
    )
    measure("coverage_by_kind", lambda: selectors.coverage_by_kind(campaign=fresh()))
    measure(
        "uncovered_institutions (all London)",
        lambda: list(selectors.uncovered_institutions(campaign=fresh())),
    )
    measure("completions_by_week", lambda: selectors.completions_by_week(campaign=fresh()))
    busiest = (
        Membership.objects.values("institution_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["institution_id"]
    )
    institution = Institution.objects.get(pk=busiest)
    institution_counts = measure(
        "institution_coverage (lead's view, busiest)",
        lambda: selectors.institution_coverage(institution=institution, campaign=fresh()),
    )
    public_counts = measure(
        "campaign_public_figures (incl. loading campaign)",
        lambda: selectors.campaign_public_figures(campaign=fresh()),
    )
    register_counts = _register_import(institution)

    staff = StaffUserFactory()
    give_totp(staff)
    client.force_login(staff)
    for name in ("schools_report_campaign", "schools_report_boroughs"):
        url = reverse(name)
        measure(f"admin page {url}", lambda url=url: client.get(url, {"campaign": campaign.pk}))
    measure(
        "admin XLSX export coverage by borough",
        lambda: client.get(reverse("schools_report_boroughs"), {"campaign": campaign.pk, "export": "xlsx"}),
    )

    summary = selectors.campaign_summary(campaign=fresh())
    print(
        f"  figures: {summary['learners_completed']:,} unique learners completed since "
        f"{campaign.starts_on:%d %b %Y}; {summary['institutions_covered']:,} of "
        f"{summary['institutions_total']:,} "
        f"institutions covered ({summary['institution_percent']}%)"
    )
    print(
        f"  platform {summary['learners_platform']:,} / elsewhere {summary['learners_external']:,} learners; "
        f"covered by platform alone {summary['institutions_covered_platform']:,}, elsewhere alone "
        f"{summary['institutions_covered_external']:,}, confirmed memberships alone "
        f"{summary['institutions_covered_confirmed']:,}"
    )
    assert len(summary_counts) == 1 and len(borough_counts) == 1  # fixed query counts
    assert summary_counts == {4} and borough_counts == {4}  # with loading the campaign
    assert institution_counts == {3} and len(public_counts) == 1  # with loading the campaign
    # First import: 2,000 new records inserted in two batches of 1,000; then the same file again.
    assert register_counts == [9, 6]
    assert campaign.starts_on == date(2023, 9, 1)


def _register_import(institution):
    """Import a register of REGISTER_ROWS rows twice; print queries and time; return query counts."""
    from allauth.account.models import EmailAddress

    from schools.models import ExternalTraining
    from schools.register_import import register_import_bytes

    users = list(
        get_user_model().objects.filter(email__startswith="bench-").order_by("pk")[: REGISTER_ROWS // 2]
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users]
    )
    name = ExternalTraining.objects.get(name__startswith="Benchmark").name
    lines = ["email,name,date,training,institution URN"]
    lines += [f"{u.email},{u.full_name},14/03/2025,{name},{institution.urn}" for u in users]
    lines += [
        f"someone-{n}@example.net,Someone {n},14/03/2025,{name},{institution.urn}"
        for n in range(REGISTER_ROWS - len(users))
    ]
    raw = ("\n".join(lines) + "\n").encode()
    counts = []
    for label in ("first import", "same file again"):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            summary = register_import_bytes(raw=raw, file_name="bench.csv")
            took = (time.perf_counter() - started) * 1000
        counts.append(len(queries.captured_queries))
        print(
            f"  register import of {REGISTER_ROWS:,} rows, {label:<16} queries {counts[-1]:>3}   "
            f"{took:7.1f} ms   (confirmed {summary.confirmed}, waiting {summary.waiting}, "
            f"unchanged {summary.unchanged}, rejected {summary.rejected})"
        )
    return counts
