"""In a real browser: a learner joins through an invitation by keyboard; the lead's dashboard and the
join pages have no WCAG 2.2 A/AA violations at desktop width and at 320 px."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from schools.models import Membership
from tests.e2e.helpers import sign_in, tab_to
from tests.factories import CoursePageFactory, UserFactory
from tests.schools.factories import CampaignFactory, InstitutionFactory, MembershipFactory, certify

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "320px": {"width": 320, "height": 800}}
SHOTS = os.environ.get("SCHOOLS_SCREENSHOTS")  # a folder: save screenshots there to look at


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_join_by_invitation_with_the_keyboard(page, live_server, e2e_settings, axe, width):
    school = InstitutionFactory(name="Elm Park Primary")
    learner = UserFactory()
    page.set_viewport_size(WIDTHS[width])
    sign_in(page, live_server, learner)
    page.goto(f"{live_server.url}/schools/invite/{school.invitation_code}/")
    assert page.get_by_role("heading", name="Join Elm Park Primary").is_visible()
    box = page.get_by_label("Share my training progress and completions with Elm Park Primary")
    assert box.is_checked()
    assert axe(page) == []
    shot(page, f"invite-{width}")
    button = page.get_by_role("button", name="Join Elm Park Primary")
    tab_to(page, button)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("You have joined Elm Park Primary and are sharing your training").is_visible()
    assert axe(page) == []
    shot(page, f"mine-{width}")
    assert Membership.objects.get(user=learner).shares_completion
    page.goto("about:blank")  # no request in flight while the database is reset


@pytest.mark.parametrize("width", WIDTHS)
def test_search_and_dashboard_have_no_violations(page, live_server, e2e_settings, axe, width):
    school = InstitutionFactory(name="Oak Lane Secondary", urn=123456)
    lead = MembershipFactory(institution=school, role=Membership.Role.LEAD).user
    course = CoursePageFactory(title="Suicide prevention: an introduction")
    CampaignFactory(name="Every London school")
    for n in range(3):
        member = MembershipFactory(institution=school, user=UserFactory(full_name=f"Staff Member {n}")).user
        certify(member, course, when=timezone.now() - timedelta(days=n + 1))
    page.set_viewport_size(WIDTHS[width])
    sign_in(page, live_server, lead)
    page.goto(f"{live_server.url}/schools/join/?q=oak")
    assert page.get_by_text("Oak Lane Secondary").first.is_visible()
    assert axe(page) == []
    shot(page, f"search-{width}")
    page.goto(f"{live_server.url}/schools/{school.pk}/")
    assert page.get_by_role("heading", name="Staff training at Oak Lane Secondary").is_visible()
    # Each member heads their row of the staff table (name, then email), for screen readers too.
    progress = page.get_by_role("region", name="Course progress of staff who share their training")
    for n in range(3):
        assert progress.get_by_role("rowheader", name=f"Staff Member {n}").is_visible()
    assert axe(page) == []
    shot(page, f"dashboard-{width}")
    page.goto("about:blank")
