"""Lead requests and decisions by email: programme staff who decide are told of a request; the
person who asked is told the decision, whichever it is."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail

from schools import services
from schools.models import Membership
from tests.factories import StaffUserFactory, UserFactory
from tests.schools.factories import InstitutionFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _eager(celery_eager, settings):
    settings.SITE_URL = "https://training.example.org"


@pytest.fixture
def decider():
    group = Group.objects.create(name="Lead deciders (test)")
    group.permissions.add(Permission.objects.get(codename="change_membership"))
    user = UserFactory(is_staff=True, email="decider@example.org")
    user.groups.add(group)
    return user


@pytest.fixture
def membership():
    return MembershipFactory(institution=InstitutionFactory(name="Elm Park Primary"),
                             user=UserFactory(full_name="Jo Asks"))


def test_a_request_emails_the_staff_who_decide_once(django_capture_on_commit_callbacks, decider,
                                                    membership):
    StaffUserFactory(email="superuser@example.org")
    UserFactory(is_staff=True, email="no-permission@example.org")  # staff who cannot decide

    with django_capture_on_commit_callbacks(execute=True):
        services.membership_request_lead(membership=membership)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_request_lead(membership=membership)  # asking again changes nothing

    assert sorted(m.to[0] for m in mail.outbox) == ["decider@example.org", "superuser@example.org"]
    message = mail.outbox[0]
    assert message.subject == "A request to be a lead is waiting"
    assert "Jo Asks has asked to be a lead of Elm Park Primary." in message.body
    assert "https://training.example.org/admin/" in message.body


@pytest.mark.parametrize(("grant", "subject", "words"), [
    (True, "You are now a lead", "was accepted"),
    (False, "Your request to be a lead", "was not accepted"),
])
def test_the_person_who_asked_is_told_the_decision(django_capture_on_commit_callbacks, membership,
                                                   grant, subject, words):
    services.membership_request_lead(membership=membership)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        if grant:
            services.membership_grant_lead(membership=membership)
        else:
            services.membership_withdraw_lead(membership=membership)

    (message,) = mail.outbox
    assert message.to == [membership.user.email]
    assert message.subject == subject
    assert words in message.body and "Elm Park Primary" in message.body
    assert "List-Unsubscribe" not in message.extra_headers  # a decision is not a newsletter


def test_withdrawing_a_lead_tells_them(django_capture_on_commit_callbacks, membership):
    Membership.objects.filter(pk=membership.pk).update(role=Membership.Role.LEAD)
    membership.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_withdraw_lead(membership=membership)
    (message,) = mail.outbox
    assert message.subject == "You are no longer a lead"
