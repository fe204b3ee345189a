"""The daily retention task on time-travelled data: each rule fires on its day, not a day early."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from lms.accounts.models import AccountErasure, User
from tests.factories import CoursePageFactory, UserFactory
from tests.schools.factories import certify

from .helpers import run_retention, sign_in

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # periods are counted in elapsed time


@pytest.fixture(autouse=True)
def _periods(celery_eager, settings):
    settings.RETENTION_UNVERIFIED_DAYS = 30
    settings.RETENTION_INACTIVE_YEARS = 3
    settings.RETENTION_NOTICE_DAYS = 30


def exists(user):
    return User.objects.filter(pk=user.pk).exists()


def test_unverified_sign_ups_go_after_30_days_not_a_day_early(django_capture_on_commit_callbacks):
    unverified = UserFactory(verified=False, date_joined=T0)
    verified = UserFactory(date_joined=T0)
    run_retention(T0 + timedelta(days=29), django_capture_on_commit_callbacks)
    assert exists(unverified)
    result = run_retention(T0 + timedelta(days=30), django_capture_on_commit_callbacks)
    assert result["unverified_deleted"] == 1
    assert not exists(unverified) and exists(verified)
    assert mail.outbox == []  # their address was never confirmed: nothing is sent to it


def test_no_sign_in_for_three_years_warns_then_erases_after_the_notice(
    django_capture_on_commit_callbacks,
):
    idle = UserFactory(email="idle@example.org", date_joined=T0, last_login=T0)
    recent = UserFactory(date_joined=T0, last_login=T0 + timedelta(days=400))
    three_years = T0.replace(year=2029)
    run_retention(three_years - timedelta(days=1), django_capture_on_commit_callbacks)
    assert mail.outbox == [] and not AccountErasure.objects.exists()

    result = run_retention(three_years, django_capture_on_commit_callbacks)
    assert result["warned"] == 1
    [warning] = mail.outbox
    assert warning.to == ["idle@example.org"]
    assert warning.subject == "Your account will be deleted unless you sign in"
    erase_on = three_years + timedelta(days=30)
    assert f"On {timezone.localtime(erase_on):%-d %B %Y} we will delete your account" in warning.body
    run_retention(three_years + timedelta(days=1), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1  # warned once

    run_retention(erase_on - timedelta(days=1), django_capture_on_commit_callbacks)
    assert exists(idle)
    result = run_retention(erase_on, django_capture_on_commit_callbacks)
    assert result["erased"] == 1 and not exists(idle) and exists(recent)
    assert mail.outbox[-1].subject == "Your account has been deleted"
    assert "Nobody had signed in to your account for a long time" in mail.outbox[-1].body


def test_a_current_certificate_keeps_the_account_three_years_past_its_end(
    django_capture_on_commit_callbacks,
):
    holder = UserFactory(date_joined=T0, last_login=T0)
    certificate = certify(holder, CoursePageFactory(), when=T0)
    certificate.valid_until = date(2028, 3, 9)  # counts until the end of that day
    certificate.save(update_fields=["valid_until"])
    run_retention(T0.replace(year=2029), django_capture_on_commit_callbacks)
    assert not AccountErasure.objects.exists()  # 3 years after the last sign-in, but it was current
    day_after_end = timezone.make_aware(datetime(2031, 3, 10, 0, 0))
    run_retention(day_after_end - timedelta(days=1), django_capture_on_commit_callbacks)
    assert not AccountErasure.objects.exists()
    run_retention(day_after_end, django_capture_on_commit_callbacks)
    assert AccountErasure.objects.get(user=holder).reason == "inactive"


def test_signing_in_after_the_warning_keeps_the_account(client, django_capture_on_commit_callbacks):
    idle = UserFactory(date_joined=T0, last_login=T0)
    three_years = T0.replace(year=2029)
    run_retention(three_years, django_capture_on_commit_callbacks)
    assert AccountErasure.objects.filter(user=idle).exists()
    with time_machine.travel(three_years + timedelta(days=10), tick=False):
        page = sign_in(client, idle).content.decode()
    assert "Your account will be kept and will not be deleted" in page
    assert not AccountErasure.objects.exists()
    run_retention(three_years + timedelta(days=30), django_capture_on_commit_callbacks)
    assert exists(idle)


def test_programme_staff_and_closed_accounts_are_not_warned(django_capture_on_commit_callbacks):
    UserFactory(is_staff=True, date_joined=T0, last_login=T0)
    closed = UserFactory(date_joined=T0, last_login=T0, is_active=False)
    run_retention(T0.replace(year=2030), django_capture_on_commit_callbacks)
    assert mail.outbox == [] and exists(closed)
