"""Two workers issuing the same certificate at once leave exactly one certificate and one email.

PostgreSQL only (as CI runs it): SQLite serialises writers, so the race cannot happen there. The
workers are made to overlap by a rendezvous at each racy point (tests/concurrency.py), never by
sleeping: removing the guard a test names fails it on every run.
"""

import pytest
from django.core import mail

from certificates import services
from certificates.models import Certificate
from tests.certificates.factories import EnrollmentFactory
from tests.concurrency import Rendezvous, run_together

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.needs("postgresql"),
]


def test_two_workers_at_once_leave_exactly_one_certificate(monkeypatch):
    """Guarded by the unique constraint on the enrollment: both workers have found no certificate
    and both insert one; the loser gets the winner's row, and nothing errors."""
    enrollment = EnrollmentFactory()
    rendezvous = Rendezvous()
    choose_template = services.selectors.template_for_course  # between "is there one?" and the insert

    def choose_then_meet(**kwargs):
        template = choose_template(**kwargs)
        rendezvous.meet()
        return template

    monkeypatch.setattr(services.selectors, "template_for_course", choose_then_meet)
    inserts = []
    create = Certificate.objects.create

    def counting_create(**kwargs):
        inserts.append(kwargs["enrollment"].pk)
        return create(**kwargs)

    monkeypatch.setattr(Certificate.objects, "create", counting_create)

    def issue():
        return services.certificate_get_or_create(enrollment=enrollment).pk

    first, second = run_together(issue, issue, rendezvous=rendezvous)
    assert inserts == [enrollment.pk, enrollment.pk]  # both really tried to insert
    assert first == second
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1


def test_two_workers_at_once_send_the_learner_one_email(monkeypatch):
    """Guarded twice: the row lock and the "not emailed yet" condition in `certificate_send_email`
    (the second worker waits for the first to record the email, then finds nothing to send), and
    behind them the email send log, which lets one send through per certificate."""
    enrollment = EnrollmentFactory()
    certificate = services.certificate_get_or_create(enrollment=enrollment)
    services.certificate_ensure_pdf(certificate=certificate)
    rendezvous = Rendezvous()
    send = services.email_send

    def meet_then_send(**kwargs):
        rendezvous.meet()
        return send(**kwargs)

    monkeypatch.setattr(services, "email_send", meet_then_send)

    def issue():
        return services.certificate_issue(enrollment_id=enrollment.id).pk

    first, second = run_together(issue, issue, rendezvous=rendezvous)
    assert first == second == certificate.pk
    assert [m.to for m in mail.outbox] == [[enrollment.user.email]]
    assert Certificate.objects.get(pk=certificate.pk).emailed_at is not None
