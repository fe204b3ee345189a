"""My learning: courses in progress with Continue, completed ones with date and certificate."""

import pytest
from django.utils import timezone

from courses.models import Enrollment, ModuleProgress
from tests.courses.progress_helpers import build_course
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/my-learning/"


@pytest.fixture
def learner(client, user):
    client.force_login(user)
    return client


def test_my_learning_needs_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"] == "/accounts/login/?next=/my-learning/"


def test_the_nav_links_to_my_learning_for_signed_in_learners(client, learner):
    assert f'href="{URL}"' in learner.get("/").content.decode()


def test_nothing_started_says_so(learner):
    html = learner.get(URL).content.decode()
    assert "You have no courses in progress" in html


def test_in_progress_and_completed_courses(learner, user):
    started = build_course(title="Course in progress", required=3, optional=False, assessment=False)
    enrollment = Enrollment.objects.create(user=user, course=started.page)
    ModuleProgress.objects.create(enrollment=enrollment, module=started.modules[0])
    done = build_course(title="Course completed", required=1, optional=False, assessment=False)
    Enrollment.objects.create(
        user=user, course=done.page, completed_at=timezone.make_aware(timezone.datetime(2026, 3, 14))
    )
    html = learner.get(URL).content.decode()
    in_progress, completed = html.split("<h2>Completed</h2>")
    assert "Course in progress" in in_progress and "1 of 3 modules complete" in in_progress
    assert f'href="{started.modules[1].url}"' in in_progress  # Continue: first incomplete module
    assert "Course completed" in completed and "14 March 2026" in completed


def test_completed_course_links_to_its_certificate(learner, user):
    from certificates.services import certificate_issue

    course = build_course(title="Certified course", required=1, optional=False, assessment=False)
    enrollment = Enrollment.objects.create(user=user, course=course.page, completed_at=timezone.now())
    html = learner.get(URL).content.decode()
    assert "Your certificate is being prepared" in html
    certificate = certificate_issue(enrollment_id=enrollment.pk)
    html = learner.get(URL).content.decode()
    assert f'href="{certificate.get_absolute_url()}"' in html


def test_learners_see_only_their_own_courses(learner, user):
    course = build_course(title="Someone else's course", assessment=False)
    Enrollment.objects.create(user=UserFactory(), course=course.page)
    html = learner.get(URL).content.decode()
    assert "Someone else&#x27;s course" not in html and "Someone else's course" not in html


def test_query_count_is_fixed_for_twenty_enrollments(learner, user, django_assert_max_num_queries):
    courses = [build_course(title=f"Course {n}", required=2, optional=False, assessment=False)
               for n in range(20)]
    for n, course in enumerate(courses):
        enrollment = Enrollment.objects.create(
            user=user, course=course.page, completed_at=timezone.now() if n % 4 == 0 else None
        )
        ModuleProgress.objects.create(enrollment=enrollment, module=course.modules[0])
    learner.get(URL)
    # 8: session and user, enrollments with courses, progress, certificates, outline, the completed
    # courses whose optional confidence check is still to be offered, and the learner's records of
    # training done elsewhere (schools).
    with django_assert_max_num_queries(8) as counted:
        response = learner.get(URL)
    assert response.status_code == 200
    assert response.content.decode().count("1 of 2 modules complete") == 15
    print(f"/my-learning/ with 20 enrollments: {len(counted.captured_queries)} queries")


def test_without_a_certificate_lookup_no_certificate_is_promised(learner, user, settings):
    settings.COURSES_CERTIFICATE_LOOKUP = ""
    course = build_course(title="Completed course", required=1, optional=False, assessment=False)
    Enrollment.objects.create(user=user, course=course.page, completed_at=timezone.now())
    html = learner.get(URL).content.decode()
    assert "Completed course" in html and "certificate" not in html.split("<h2>Completed</h2>")[1].split(
        "Courses you complete")[0].lower()
