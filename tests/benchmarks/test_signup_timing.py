"""Sign-up timing for an existing email against a new one, with Django's real password hasher.

The two must cost the same, or the response time tells an attacker which addresses have accounts.
Prints the median wall and CPU time of each path (interleaved, so machine load affects both alike).
Run: `make bench PYTEST_ARGS="-k signup"`.
"""

import statistics
import time

import pytest
from django.test import Client

from tests.factories import UserFactory

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]
ROUNDS = 12
FORM = {"full_name": "Test Person", "password1": "Blue-kettle-sings-42", "password2": "Blue-kettle-sings-42"}


def test_signup_costs_the_same_for_existing_and_new_emails(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    settings.ACCOUNT_RATE_LIMITS = False
    UserFactory(email="existing@example.org")
    timings = {"existing": [], "new": []}
    for n in range(ROUNDS):
        for kind, email in (("existing", "existing@example.org"), ("new", f"new-{n}@example.org")):
            client = Client()
            wall, cpu = time.perf_counter(), time.process_time()
            response = client.post("/accounts/signup/", {**FORM, "email": email})
            timings[kind].append((time.perf_counter() - wall, time.process_time() - cpu))
            assert response.status_code == 302
    for kind, rows in timings.items():
        wall = statistics.median(row[0] for row in rows) * 1000
        cpu = statistics.median(row[1] for row in rows) * 1000
        print(f"\nsign-up, {kind} email: median {wall:.0f} ms wall, {cpu:.0f} ms CPU ({ROUNDS} rounds)")
