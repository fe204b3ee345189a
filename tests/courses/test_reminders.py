"""Reminders to finish a course: 3 and 10 days after the learner's last activity (not after they
enrolled), at most two per enrollment, never after completion, linking to where they stopped.
Time-travel tests: the clock moves, nothing sleeps."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from courses import services
from courses.models import Enrollment
from courses.reminders import UNFINISHED, unfinished_due
from lms.notifications.dispatch import emails_dispatch_due
from lms.notifications.models import EmailOptOut
from tests.courses.progress_helpers import build_course
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 3, 2, 11, 0, tzinfo=LONDON)  # a Monday, 11:00, inside the sending hours


def _at(delta):
    return START + delta


def _dispatch(when):
    with time_machine.travel(when, tick=False):
        return emails_dispatch_due(now=when).get(UNFINISHED, 0)


@pytest.fixture
def course():
    return build_course(required=3, optional=False, assessment=False)


def _start(user, course, when=START):
    with time_machine.travel(when, tick=False):
        enrollment = services.enrollment_start(user=user, course=course.page)
        services.enrollment_visit(enrollment=enrollment, module=course.modules[0])
    return enrollment


def test_a_learner_who_stops_is_reminded_after_3_and_10_days_and_never_a_third_time(course):
    user = UserFactory(full_name="Priya Shah")
    _start(user, course)

    assert _dispatch(_at(timedelta(days=2, hours=23))) == 0
    assert _dispatch(_at(timedelta(days=3))) == 1
    assert _dispatch(_at(timedelta(days=3, hours=1))) == 0  # the next tick: already sent
    assert _dispatch(_at(timedelta(days=9, hours=23))) == 0
    assert _dispatch(_at(timedelta(days=10))) == 1
    for day in (11, 15, 23, 40):
        assert _dispatch(_at(timedelta(days=day))) == 0

    first, second = mail.outbox
    assert first.subject == second.subject == "Your training is waiting for you"
    assert "Hello Priya Shah" in first.body
    assert course.modules[0].title in first.body
    assert course.modules[0].get_url() in first.body  # straight to where they stopped
    assert "List-Unsubscribe" in first.extra_headers


def test_the_clock_starts_again_from_the_last_activity_not_the_enrolment(course):
    user = UserFactory()
    enrollment = _start(user, course)
    with time_machine.travel(_at(timedelta(days=2)), tick=False):
        services.module_complete(user=user, course=course.page, module=course.modules[0])

    assert _dispatch(_at(timedelta(days=3))) == 0
    assert _dispatch(_at(timedelta(days=5))) == 1
    assert enrollment.pk  # the same enrollment throughout


def test_no_reminder_once_the_course_is_complete(course):
    user = UserFactory()
    _start(user, course)
    with time_machine.travel(_at(timedelta(days=1)), tick=False):
        for module in course.modules:
            services.module_complete(user=user, course=course.page, module=module)
    assert Enrollment.objects.get(user=user).completed_at is not None

    assert _dispatch(_at(timedelta(days=4))) == 0
    assert _dispatch(_at(timedelta(days=11))) == 0
    assert mail.outbox == []


def test_people_who_stopped_long_ago_are_not_written_to_out_of_the_blue(course):
    _start(UserFactory(), course)
    assert _dispatch(_at(timedelta(days=30))) == 0


def test_opted_out_deactivated_and_unverified_learners_are_not_reminded(course):
    opted_out, deactivated, unverified = UserFactory(), UserFactory(), UserFactory(verified=False)
    EmailOptOut.objects.create(user=opted_out, kind=UNFINISHED)
    for user in (opted_out, deactivated, unverified):
        _start(user, course)
    deactivated.is_active = False
    deactivated.save()

    assert _dispatch(_at(timedelta(days=3))) == 0
    assert _dispatch(_at(timedelta(days=10))) == 0
    assert mail.outbox == []


def test_finding_who_is_due_takes_the_same_queries_for_3_or_30_learners(
    course, django_assert_max_num_queries
):
    for _ in range(3):
        _start(UserFactory(), course)
    with django_assert_max_num_queries(3):  # two schedule queries, and the site root once
        assert len(unfinished_due(now=_at(timedelta(days=3)), limit=100)) == 3
    for _ in range(27):
        _start(UserFactory(), course)
    with django_assert_max_num_queries(3):  # two schedule queries, and the site root once
        assert len(unfinished_due(now=_at(timedelta(days=3)), limit=100)) == 30
