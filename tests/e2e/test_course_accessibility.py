"""axe-core on the learner's course pages: catalogue, course page, a module page, the assessment
before and after submitting, My learning and the certificate verify page, at desktop width and at
320 px."""

import re

import pytest

from courses.models import ModulePage
from courses.services import enrollment_start
from tests.e2e.helpers import sample_course, seed_site, sign_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "320px": {"width": 320, "height": 800}}


@pytest.fixture
def learner_in_course(page, live_server, e2e_settings):
    seed_site()
    course = sample_course()
    user = UserFactory(full_name="Tomasz Wiśniewski")
    enrollment_start(user=user, course=course)
    sign_in(page, live_server, user)
    return course


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("width", WIDTHS)
def test_course_pages_have_no_violations(page, live_server, axe, learner_in_course, width):
    course = learner_in_course
    module = ModulePage.objects.child_of(course).live().filter(is_assessment=False).first()
    assessment = ModulePage.objects.child_of(course).live().get(is_assessment=True)
    page.set_viewport_size(WIDTHS[width])
    for path in ["/courses/", course.url, module.url, assessment.url, "/my-learning/",
                 "/certificates/verify/", "/search/?q=listening"]:
        page.goto(live_server.url + path)
        assert axe(page) == [], path
        assert no_horizontal_scroll(page), f"{path} scrolls sideways at {width}"

    page.goto(live_server.url + assessment.url)
    for fieldset in page.locator("fieldset.question").all():
        fieldset.locator("input").first.check()
    page.get_by_role("button", name="Submit your answers").click()
    assert page.get_by_role("heading", name=re.compile("You passed|Not passed this time")).is_visible()
    assert axe(page) == [], "assessment after submitting"
    assert no_horizontal_scroll(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_verify_result_pages_have_no_violations(page, live_server, e2e_settings, axe, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(live_server.url + "/certificates/verify/ABCD-EFGH-JKMN-PQRS/")
    assert page.get_by_role("heading", name="Certificate not found").is_visible()
    assert axe(page) == []
