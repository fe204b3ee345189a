"""Journey 2: a learner who has completed the course joins their school by searching for it and
agrees to share; the school's lead sees them on the dashboard and exports the CSV; a lead of
another school cannot see the dashboard."""

from datetime import timedelta

import pytest
from django.utils import timezone

from schools.models import Membership
from tests.e2e.helpers import sample_course, seed_site, sign_in
from tests.factories import UserFactory
from tests.schools.factories import InstitutionFactory, MembershipFactory, certify

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_learner_shares_with_their_school_and_only_its_lead_sees_them(
    page, live_server, e2e_settings, tmp_path
):
    seed_site()
    course = sample_course()
    school = InstitutionFactory(name="Oak Lane Secondary", postcode="E1 6AN")
    other_school = InstitutionFactory(name="Birch Hill Primary")
    lead = MembershipFactory(institution=school, role=Membership.Role.LEAD).user
    other_lead = MembershipFactory(institution=other_school, role=Membership.Role.LEAD).user
    learner = UserFactory(full_name="Chidi Okonkwo")
    certify(learner, course, when=timezone.now() - timedelta(days=1))

    sign_in(page, live_server, learner)
    page.goto(live_server.url + "/schools/join/")
    page.get_by_role("searchbox").or_(page.get_by_role("textbox")).first.fill("Oak Lane")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Join Oak Lane Secondary").click()
    share = page.get_by_role("checkbox")
    assert not share.is_checked()  # sharing is off unless the learner chooses it
    share.check()
    page.get_by_role("button", name="Join Oak Lane Secondary").click()
    page.wait_for_load_state()
    assert Membership.objects.get(user=learner, institution=school).shares_completion

    page.context.clear_cookies()
    sign_in(page, live_server, lead)
    page.goto(f"{live_server.url}/schools/{school.pk}/")
    assert page.get_by_text("Chidi Okonkwo").first.is_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as a spreadsheet (CSV)").click()
    csv_path = tmp_path / "staff.csv"
    download_info.value.save_as(csv_path)
    exported = csv_path.read_text(encoding="utf-8-sig")
    assert "Chidi Okonkwo" in exported and learner.email in exported

    page.context.clear_cookies()
    sign_in(page, live_server, other_lead)
    response = page.goto(f"{live_server.url}/schools/{school.pk}/")
    assert response.status == 404
    assert "Chidi Okonkwo" not in page.content()
    page.goto("about:blank")
