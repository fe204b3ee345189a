"""The leads' weekly digest: opt-in, only staff who share, once a week, nothing in a quiet week."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from lms.accounts.models import User
from lms.notifications.dispatch import emails_dispatch_due
from lms.notifications.models import EmailChoice
from schools.digest import DIGEST
from schools.models import Membership
from tests.factories import CoursePageFactory, UserFactory
from tests.schools.factories import InstitutionFactory, MembershipFactory, certify

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 3, 9, 10, 0, tzinfo=LONDON)


def _digests(when):
    with time_machine.travel(when, tick=False):
        return emails_dispatch_due().get(DIGEST, 0)


@pytest.fixture
def school():
    school = InstitutionFactory(name="Elm Park Primary")
    lead = MembershipFactory(institution=school, role=Membership.Role.LEAD,
                             user=UserFactory(full_name="Jo Lead"))
    course = CoursePageFactory(title="Youth MHFA (test)")
    sharing = MembershipFactory(institution=school, shares_completion=True,
                                user=UserFactory(full_name="Sam Shares"))
    private = MembershipFactory(institution=school, shares_completion=False,
                                user=UserFactory(full_name="Pat Private"))
    for member in (sharing, private):
        certify(member.user, course, when=MONDAY - timedelta(days=2))
    # Someone who shares with another institution only, and holds a certificate: not this lead's.
    elsewhere = MembershipFactory(shares_completion=True, user=UserFactory(full_name="Alex Elsewhere"))
    MembershipFactory(institution=school, user=elsewhere.user, shares_completion=False)
    certify(elsewhere.user, course, when=MONDAY - timedelta(days=1))
    return lead


def test_leads_get_no_digest_unless_they_ask_for_one(school):
    assert _digests(MONDAY) == 0
    assert mail.outbox == []


def test_a_lead_who_opted_in_gets_the_sharing_staffs_completions_once_a_week(school, settings):
    settings.SITE_URL = "https://training.example.org"
    EmailChoice.objects.create(user=school.user, kind=DIGEST, receive=True)

    assert _digests(MONDAY) == 1
    assert _digests(MONDAY + timedelta(hours=1)) == 0
    assert _digests(MONDAY + timedelta(days=1)) == 0  # Tuesday of the same week

    (message,) = mail.outbox
    assert message.to == [school.user.email]
    assert message.subject == "Your staff's training this week"
    assert "Sam Shares: Youth MHFA (test)" in message.body
    assert "Pat Private" not in message.body and "Alex Elsewhere" not in message.body
    assert "1 member of staff at Elm Park Primary who shares" in message.body
    dashboard = "https://training.example.org" + reverse("schools:dashboard", args=[school.institution_id])
    assert dashboard in message.body
    assert "List-Unsubscribe" in message.extra_headers


def test_a_quiet_week_sends_nothing_and_thursday_is_too_late(school):
    EmailChoice.objects.create(user=school.user, kind=DIGEST, receive=True)
    assert _digests(MONDAY + timedelta(days=3)) == 0  # Thursday: this week's digest was missed
    assert _digests(MONDAY + timedelta(days=14)) == 0  # nothing completed in the past 7 days
    assert mail.outbox == []


def test_a_former_lead_gets_no_digest(school):
    EmailChoice.objects.create(user=school.user, kind=DIGEST, receive=True)
    Membership.objects.filter(pk=school.pk).update(role=Membership.Role.STAFF)
    assert _digests(MONDAY) == 0


def test_a_closed_account_is_left_out_of_the_digest(school):
    EmailChoice.objects.create(user=school.user, kind=DIGEST, receive=True)
    User.objects.filter(full_name="Sam Shares").update(is_active=False)  # closed, in its cool-off
    assert _digests(MONDAY) == 0  # nothing else to report this week
    assert mail.outbox == []
