"""Credential benchmarks (run with `make bench PYTEST_ARGS="-k credential"`).

On one certificate of the test course (factory data: "Suicide prevention: an introduction", a
learner "Amani Okoro" with a 17-character email address), signing key RSA-2048 (RS256):

1. Size: the signed credential (compact JWS) with and without the learner's name, the .json
   download, and the baked PNG and SVG badges, in bytes.
2. Signing: median and 95th percentile over 200 signatures of the credential's claims
   (`signing.sign`, JSON encoding included), and of building + signing + storing a new credential
   row (`services._issue`, database included: SQLite unless DATABASE_URL is set).
3. Status list: building and signing one 131,072-entry Bitstring Status List in which 1,000
   credentials are revoked (median of 20).
"""

import json
import os
import statistics
import time

import pytest
from django.db import connection
from django.utils import timezone

from certificates import services as certificate_services
from certificates.credentials import baking, build, services, signing, status
from certificates.credentials.models import Credential
from tests.certificates.factories import EnrollmentFactory

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]


def _percentiles(timings):
    timings = sorted(timings)
    return statistics.median(timings) * 1000, timings[int(len(timings) * 0.95) - 1] * 1000


def _load():
    return f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"


@pytest.fixture
def certificate():
    enrollment = EnrollmentFactory(user__full_name="Amani Okoro", user__email="amani@example.org")
    return certificate_services.certificate_issue(enrollment_id=enrollment.id)


def test_credential_size_and_signing_time(certificate):
    named = services.credential_for(certificate=certificate, with_name=True)
    anonymous = services.credential_for(certificate=certificate, with_name=False)
    print(f"\n[credentials] {_load()}; database {connection.vendor}")
    print(f"[credentials] compact JWS with name: {len(named.jwt)} bytes; without: {len(anonymous.jwt)} bytes")
    document = build.credential_document(credential=named, certificate=certificate)
    print(f"[credentials] unsigned JSON: {len(json.dumps(document))} bytes")
    print(
        f"[credentials] .json download: {len(json.dumps({'compactJwsString': [named.jwt]}, indent=2))} bytes;"
        f" baked PNG {len(baking.bake_png(named.jwt))} bytes (plain badge {len(baking.badge_png())});"
        f" baked SVG {len(baking.bake_svg(named.jwt, title=certificate.course_title).encode())} bytes"
    )

    claims = build.jwt_claims(build.credential_document(credential=named, certificate=certificate))
    signing.sign(claims)  # key loaded
    timings = []
    for _ in range(200):
        started = time.perf_counter()
        signing.sign(claims)
        timings.append(time.perf_counter() - started)
    median, p95 = _percentiles(timings)
    print(f"[credentials] sign one credential (RS256, 2048-bit): median {median:.2f} ms, p95 {p95:.2f} ms")

    Credential.objects.update(revoked_at=timezone.now())
    timings = []
    for _ in range(50):
        started = time.perf_counter()
        row = services._issue(certificate=certificate, with_name=True)
        timings.append(time.perf_counter() - started)
        row.revoked_at = timezone.now()
        row.save(update_fields=["revoked_at"])
    median, p95 = _percentiles(timings)
    print(
        f"[credentials] issue one credential (build, sign, 2 writes): "
        f"median {median:.2f} ms, p95 {p95:.2f} ms"
    )


def test_status_list_build_time(certificate):
    # worst case per row: every credential in the list revoked (withdrawn rows), so every row is
    # read and sets a bit
    Credential.objects.bulk_create(Credential(certificate=None, kid="bench") for _ in range(1000))
    timings = []
    for _ in range(20):
        started = time.perf_counter()
        token = status.status_list_jwt(0)
        timings.append(time.perf_counter() - started)
    median, p95 = _percentiles(timings)
    print(
        f"\n[credentials] status list of 131,072 entries, 1,000 revoked ({len(token)} bytes signed): "
        f"median {median:.1f} ms, p95 {p95:.1f} ms ({_load()})"
    )
