"""Download my data and erasure for a learner with 20 enrollments.

Data: 20 published courses of 3 modules each; one learner enrolled in all 20 (every module done, one
passed attempt each), 10 of them completed with a certificate (PDF rendered with WeasyPrint, as in
production), a second email address, two-step sign-in, an email choice, the certificate emails' send
log and a school membership that shares completion. Run on PostgreSQL:
`DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench make bench PYTEST_ARGS="-k privacy"`.
Prints the time and queries to gather the data, build the whole ZIP (with the 10 PDFs) and erase the
learner, and what the archive contains; asserts only that each step ran and the queries are fixed.
"""

import io
import os
import time
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.privacy import services
from tests.factories import CoursePageFactory
from tests.privacy.builders import person_with_everything

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]

ENROLLMENTS = 20
COMPLETED = 10


def _timed(action):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = action()
        elapsed = (time.perf_counter() - started) * 1000
    return result, elapsed, len(queries)


def test_export_and_erasure_of_a_learner_with_20_enrollments(django_capture_on_commit_callbacks):
    started = time.perf_counter()
    courses = [CoursePageFactory(title=f"Course {n}", modules=3) for n in range(ENROLLMENTS)]
    person = person_with_everything(course_list=courses, completed=COMPLETED)
    print(
        f"\n  data: 1 learner, {ENROLLMENTS} enrollments ({COMPLETED} with certificates and PDFs), "
        f"{connection.vendor}; built in {time.perf_counter() - started:.1f} s; "
        f"load average {os.getloadavg()[0]:.1f}"
    )

    sections, gather_ms, gather_queries = _timed(lambda: services.person_export_data(person))
    content, build_ms, build_queries = _timed(
        lambda: services.person_export_archive(person, generated_at=timezone.now())
    )
    archive = zipfile.ZipFile(io.BytesIO(content))
    print(f"  gather every entry's rows: {gather_ms:8.1f} ms  {gather_queries} queries")
    print(f"  build the ZIP (all rows, summary, CSV, PDFs): {build_ms:8.1f} ms  {build_queries} queries  "
          f"{len(content) / 1024:.0f} KiB, {len(archive.namelist())} files")
    for entry, rows in sections:
        print(f"    {entry.key:<30} {len(rows):>3} rows")
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    print(f"    files/: {len(pdfs)} certificate PDFs")

    with django_capture_on_commit_callbacks(execute=True):
        _, erase_ms, erase_queries = _timed(lambda: services.person_erase(person))
    print(f"  erase the learner (one transaction, PDFs deleted on commit): {erase_ms:8.1f} ms  "
          f"{erase_queries} queries")
    assert len(pdfs) == COMPLETED
    assert gather_queries < 40
