"""Two first downloads of a credential at once (two tabs, a double click) leave one credential.

PostgreSQL only: the rendezvous (tests/concurrency.py) makes both requests find no credential
before either inserts; the partial unique constraint (one current credential per certificate and
form) is what keeps it to one. Without it this test fails on every run.
"""

import threading

import pytest

from certificates import services as certificate_services
from certificates.credentials import services
from certificates.credentials.models import Credential
from tests.certificates.factories import EnrollmentFactory
from tests.concurrency import Rendezvous, run_together

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.needs("postgresql"),
]


def test_two_first_downloads_at_once_give_the_same_single_credential(monkeypatch):
    certificate = certificate_services.certificate_issue(enrollment_id=EnrollmentFactory().id)
    rendezvous = Rendezvous()
    seen = threading.local()
    find = services._current

    def find_then_meet(**kwargs):
        found = find(**kwargs)
        if found is None and not getattr(seen, "met", False):  # between "none yet" and the insert
            seen.met = True
            rendezvous.meet()
        return found

    monkeypatch.setattr(services, "_current", find_then_meet)

    def download():
        return services.credential_for(certificate=certificate, with_name=True).jwt

    first, second = run_together(download, download, rendezvous=rendezvous)
    assert first == second and first
    assert Credential.objects.filter(certificate=certificate).count() == 1
