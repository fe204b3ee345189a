"""Two workers issuing the same certificate at once leave exactly one certificate and one email.
Runs on PostgreSQL (as CI does); SQLite serialises writers, so the race cannot happen there."""

import threading
import traceback

import pytest
from django.core import mail
from django.db import connection, connections

from certificates import services
from certificates.models import Certificate
from tests.certificates.factories import EnrollmentFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL)"),
]


def test_two_workers_at_once_leave_exactly_one_certificate_and_one_email():
    enrollments = [EnrollmentFactory() for _ in range(5)]
    for enrollment in enrollments:
        barrier = threading.Barrier(2)
        results, errors = [], []

        def worker(enrollment_id=enrollment.id, barrier=barrier, results=results, errors=errors):
            try:
                barrier.wait(timeout=10)
                results.append(services.certificate_issue(enrollment_id=enrollment_id).pk)
            except Exception:  # pragma: no cover - reported below
                errors.append(traceback.format_exc())
            finally:
                connections.close_all()

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

        assert errors == []
        assert len(results) == 2 and results[0] == results[1]
        assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert len(mail.outbox) == len(enrollments)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.user.email for e in enrollments)


def test_the_race_on_create_is_settled_by_the_unique_constraint(monkeypatch):
    """Both workers see no certificate, both insert: the loser gets the winner's row."""
    enrollment = EnrollmentFactory()
    barrier = threading.Barrier(2)
    real_filter = Certificate.objects.filter
    results, errors = [], []

    class Gate:
        """The first 'is there one already?' check in each thread waits for the other thread."""

        def __init__(self):
            self.seen = threading.local()

        def __call__(self, *args, **kwargs):
            queryset = real_filter(*args, **kwargs)
            if kwargs.get("enrollment_id") and not getattr(self.seen, "done", False):
                self.seen.done = True
                first = queryset.first()
                barrier.wait(timeout=10)
                return FakeEmpty(first)
            return queryset

    class FakeEmpty:
        def __init__(self, value):
            self.value = value

        def first(self):
            return self.value

    monkeypatch.setattr(Certificate.objects, "filter", Gate())
    inserts = []
    real_create = Certificate.objects.create

    def counting_create(**kwargs):
        inserts.append(kwargs["enrollment"].pk)
        return real_create(**kwargs)

    monkeypatch.setattr(Certificate.objects, "create", counting_create)

    def worker():
        try:
            results.append(services.certificate_get_or_create(enrollment=enrollment).pk)
        except Exception as error:  # pragma: no cover
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert len(inserts) == 2  # both really tried to insert
    assert results[0] == results[1]
    assert real_filter(enrollment=enrollment).count() == 1
