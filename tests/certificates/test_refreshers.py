"""Refresher reminders 3 months and 1 month before a certificate stops counting, and on the day;
a later certificate of the same programme stops them. The clock moves; nothing sleeps."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from certificates.models import Certificate
from certificates.refreshers import REFRESHER, refresher_due
from lms.notifications.dispatch import emails_dispatch_due
from tests.factories import CoursePageFactory, UserFactory
from tests.schools.factories import certify

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
VALID_UNTIL = date(2029, 6, 15)


def _on(day, hour=10):
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=LONDON)


def _refreshers(day):
    with time_machine.travel(_on(day), tick=False):
        return emails_dispatch_due().get(REFRESHER, 0)


@pytest.fixture
def certificate():
    user = UserFactory(full_name="Kim Teacher")
    course = CoursePageFactory(programme="youth_mhfa", title="Youth MHFA (test)")
    certificate = certify(user, course, when=_on(date(2026, 6, 15)))
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=VALID_UNTIL)
    certificate.refresh_from_db()
    return certificate


def test_three_reminders_three_months_and_one_month_before_and_on_the_day(certificate):
    assert _refreshers(date(2029, 3, 14)) == 0
    assert _refreshers(date(2029, 3, 15)) == 1  # three months before
    assert _refreshers(date(2029, 3, 16)) == 0
    assert _refreshers(date(2029, 5, 14)) == 0
    assert _refreshers(date(2029, 5, 15)) == 1  # one month before
    assert _refreshers(date(2029, 6, 14)) == 0
    assert _refreshers(date(2029, 6, 15)) == 1  # on the day
    assert _refreshers(date(2029, 6, 16)) == 0
    assert _refreshers(date(2030, 1, 1)) == 0

    assert [m.subject for m in mail.outbox] == ["Your training: time for a refresher"] * 3
    assert "counts as current until 15 June 2029" in mail.outbox[0].body
    assert "counted as current until 15 June 2029" in mail.outbox[2].body
    assert certificate.course.get_url() in mail.outbox[0].body
    assert "List-Unsubscribe" in mail.outbox[0].extra_headers


def test_a_missed_day_is_caught_up_within_a_week_but_a_missed_window_is_not_repeated(certificate):
    assert _refreshers(date(2029, 6, 20)) == 1  # the dispatcher was down on the day itself
    assert _refreshers(date(2029, 6, 21)) == 0
    assert len(mail.outbox) == 1


def test_a_later_certificate_of_the_same_programme_stops_them(certificate):
    newer_course = CoursePageFactory(programme="youth_mhfa", title="Youth MHFA refresher (test)")
    newer = certify(certificate.user, newer_course, when=_on(date(2029, 2, 1)))
    Certificate.objects.filter(pk=newer.pk).update(valid_until=date(2032, 2, 1))

    for day in (date(2029, 3, 15), date(2029, 5, 15), date(2029, 6, 15)):
        assert _refreshers(day) == 0
    assert mail.outbox == []


def test_another_programmes_certificate_does_not_stop_them(certificate):
    other = certify(certificate.user, CoursePageFactory(programme="suicide_prevention"),
                    when=_on(date(2029, 2, 1)))
    assert other.valid_until is None
    assert _refreshers(date(2029, 3, 15)) == 1


def test_revoked_certificates_and_ones_that_never_expire_get_none(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=_on(date(2027, 1, 1)), revoked_reason="Issued in error"
    )
    certify(UserFactory(), CoursePageFactory(), when=_on(date(2026, 1, 1)))  # no valid-until date
    assert _refreshers(date(2029, 3, 15)) == 0
    assert _refreshers(date(2029, 6, 15)) == 0


def test_finding_refreshers_is_a_fixed_number_of_queries(certificate, django_assert_max_num_queries):
    for _ in range(20):
        extra = certify(UserFactory(), certificate.course, when=_on(date(2026, 6, 15)))
        Certificate.objects.filter(pk=extra.pk).update(valid_until=VALID_UNTIL)
    with django_assert_max_num_queries(5):  # one per stage; the site root and locale once
        assert len(refresher_due(now=_on(date(2029, 3, 15)), limit=100)) == 21
