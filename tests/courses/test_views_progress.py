"""What a learner sees and gets when starting, resuming and completing modules over HTTP."""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import Enrollment, ModuleProgress
from tests.courses.builders import paragraph
from tests.courses.progress_helpers import build_course
from tests.factories import DEFAULT_PASSWORD, ModulePageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return build_course(required=3, optional=True, assessment=True, questions=5)


@pytest.fixture
def learner(client, user):
    client.force_login(user)
    return client


def complete_url(course, module):
    return reverse("courses:module_complete", args=[course.page.pk, module.pk])


def test_course_page_is_public_and_invites_sign_in_that_comes_back(client, course):
    response = client.get(course.page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'/accounts/login/?next={quote(course.page.url, safe="/")}' in html
    assert f'/accounts/signup/?next={quote(course.page.url, safe="/")}' in html
    assert "Start the course" not in html


def test_module_pages_send_visitors_to_sign_in_and_back(client, course, user):
    module = course.modules[1]
    response = client.get(module.url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={quote(module.url, safe='/')}"
    signed_in = client.post(
        response["Location"], {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == module.url
    assert client.get(module.url).status_code == 200


def test_starting_a_course_enrols_once_and_opens_the_first_module(learner, user, course):
    page = learner.get(course.page.url).content.decode()
    assert "Start the course" in page
    url = reverse("courses:enrollment_start", args=[course.page.pk])
    first = learner.post(url)
    again = learner.post(url)
    assert first.status_code == again.status_code == 302
    assert first["Location"] == course.modules[0].url
    assert Enrollment.objects.filter(user=user).count() == 1
    assert learner.get(url).status_code == 405


def test_starting_needs_sign_in(client, course):
    response = client.post(reverse("courses:enrollment_start", args=[course.page.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not Enrollment.objects.exists()


def test_mark_complete_and_continue_goes_to_the_next_module_and_shows_progress(learner, course):
    module = course.modules[0]
    page = learner.get(module.url).content.decode()
    assert "Mark complete and continue" in page
    response = learner.post(complete_url(course, module), {"next": course.modules[1].url})
    assert response.status_code == 302 and response["Location"] == course.modules[1].url
    html = learner.get(course.modules[1].url).content.decode()
    assert "1 of 4 modules complete" in html  # 3 required + the assessment; the optional one is extra
    assert 'value="1"' in html and "<progress" in html
    assert "Complete</span>" in html  # the first module in the outline, in words
    assert "Not started</span>" in html


def test_double_click_and_replay_store_one_row_without_error(learner, course):
    url = complete_url(course, course.modules[0])
    responses = [learner.post(url) for _ in range(3)]
    assert {r.status_code for r in responses} == {302}
    assert ModuleProgress.objects.count() == 1


def test_completion_needs_a_csrf_token(user, course):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(complete_url(course, course.modules[0]))
    assert response.status_code == 403
    assert not ModuleProgress.objects.exists()


def test_completion_only_accepts_post(learner, course):
    assert learner.get(complete_url(course, course.modules[0])).status_code == 405


def test_open_redirects_are_ignored(learner, course):
    module = course.modules[0]
    response = learner.post(complete_url(course, module), {"next": "https://evil.example/"})
    assert response["Location"] == module.url


@pytest.mark.parametrize("case", ["other course", "unpublished", "draft", "no such module"])
def test_unreachable_modules_give_404_and_store_nothing(learner, course, case):
    url = None
    if case == "other course":
        other = build_course(title="Another course", assessment=False)
        url = complete_url(course, other.modules[0])
    elif case == "unpublished":
        course.modules[0].unpublish()
        url = complete_url(course, course.modules[0])
    elif case == "draft":
        draft = ModulePageFactory(parent=course.page, title="Draft", body=[paragraph()], publish=False)
        url = complete_url(course, draft)
    else:
        url = reverse("courses:module_complete", args=[course.page.pk, 999999])
    assert learner.post(url).status_code == 404
    assert not ModuleProgress.objects.exists() and not Enrollment.objects.exists()


def test_the_assessment_cannot_be_marked_complete(learner, course):
    response = learner.post(complete_url(course, course.assessment))
    assert response.status_code == 400
    page = response.content.decode()
    assert "<h1>This could not be done</h1>" in page  # the site's own page, not bare text
    assert "Submit your answers to complete the assessment." in page
    assert "Get help now" in page and "My learning" in page
    assert not ModuleProgress.objects.exists()


def test_continue_on_the_course_page_and_catalogue_goes_to_the_first_incomplete_module(learner, course):
    learner.post(complete_url(course, course.modules[0]))
    learner.post(complete_url(course, course.modules[2]))
    for url in (course.page.url, course.page.get_parent().url):
        html = learner.get(url).content.decode()
        assert f'href="{course.modules[1].url}"' in html and "Continue" in html
        assert "2 of 4 modules complete" in html


def test_another_learners_progress_is_not_shown(client, course):
    owner = UserFactory()
    Client().force_login(owner)
    enrollment = Enrollment.objects.create(user=owner, course=course.page)
    ModuleProgress.objects.create(enrollment=enrollment, module=course.modules[0])
    outsider = UserFactory()
    client.force_login(outsider)
    html = client.get(course.modules[1].url).content.decode()
    assert "modules complete" not in html and "Complete</span>" not in html


# The module page's budget of 8 queries (3 when warm: session, user and the learner's progress, the
# enrollment joined with its completed modules; the Site, the route, view restrictions, the outline
# and the body come from the cache, see cms.serving and courses.serving). The first visit to a
# module adds one UPDATE (the last module visited). The completion POST: course, module, session,
# user, enrollment (locked), INSERT ... ON CONFLICT DO NOTHING, the completion rule, and the
# conditional UPDATE when it completes the course.
MODULE_PAGE_QUERIES = 8
COMPLETION_POST_QUERIES = 8


def test_module_page_query_count_is_fixed(learner, user, course, django_assert_max_num_queries):
    for module in course.modules[:2]:
        learner.post(complete_url(course, module))
    learner.get(course.modules[2].url)  # the first visit records it as the last module visited
    with django_assert_max_num_queries(MODULE_PAGE_QUERIES) as small:
        assert learner.get(course.modules[2].url).status_code == 200
    for n in range(10):  # a bigger course and many more learners change nothing
        ModulePageFactory(parent=course.page, title=f"Extra {n}", body=[paragraph()])
    for _ in range(5):
        e = Enrollment.objects.create(user=UserFactory(), course=course.page)
        ModuleProgress.objects.create(enrollment=e, module=course.modules[0])
    with django_assert_max_num_queries(MODULE_PAGE_QUERIES):  # the changed course is read again
        assert learner.get(course.modules[2].url).status_code == 200
    with django_assert_max_num_queries(len(small.captured_queries)) as big:
        assert learner.get(course.modules[2].url).status_code == 200
    print(f"module page for a signed-in learner: {len(big.captured_queries)} queries")


def test_completion_post_query_count_is_fixed(learner, course, django_assert_max_num_queries):
    for module in course.modules[:2]:
        learner.post(complete_url(course, module))
    for n in range(10):
        ModulePageFactory(parent=course.page, title=f"Extra {n}", body=[paragraph()], is_required=False)
    learner.post(complete_url(course, course.modules[2]))
    # the completing POST: the last module, with the assessment already passed
    from courses.models import QuizAttempt

    enrollment = Enrollment.objects.get()
    QuizAttempt.objects.create(enrollment=enrollment, module=course.assessment, answers={},
                               correct_count=5, question_count=5, score=100, passed=True)
    ModuleProgress.objects.filter(module=course.modules[2]).delete()
    ModuleProgress.objects.create(enrollment=enrollment, module=course.assessment)
    with django_assert_max_num_queries(COMPLETION_POST_QUERIES) as counted:
        response = learner.post(complete_url(course, course.modules[2]), {"next": course.assessment.url})
    assert response.status_code == 302
    assert Enrollment.objects.get().completed_at is not None
    print(f"completion POST (the one that completes the course): {len(counted.captured_queries)} queries")
