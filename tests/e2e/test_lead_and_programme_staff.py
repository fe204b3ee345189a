"""In a real browser: a school lead reaches the dashboard from the header, invites staff by pasting
their addresses, and an invited teacher follows the emailed link and joins; programme staff filter
the outreach list and download exactly what they filtered. Both pages pass axe (WCAG 2.2 A/AA)."""

import csv
import re

import pytest
from django.core import mail

from schools.models import Membership, StaffInvitation
from tests.e2e.helpers import sign_in
from tests.e2e.test_trainer_journey import admin_sign_in, staff_member
from tests.factories import UserFactory
from tests.schools.factories import CampaignFactory, InstitutionFactory, MembershipFactory, borough

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_lead_invites_staff_by_email_and_an_invited_teacher_joins(page, live_server, e2e_settings, axe):
    school = InstitutionFactory(name="Elm Park Primary")
    lead = UserFactory(full_name="Lena Lead")
    MembershipFactory(institution=school, user=lead, role=Membership.Role.LEAD, shares_completion=False)
    teacher = UserFactory(email="tom@example.org", full_name="Tom Teacher")

    sign_in(page, live_server, lead)
    page.get_by_role("link", name="Your staff's training").click()  # click 1: from any page's header
    page.wait_for_url(re.compile(rf"/schools/{school.pk}/$"))
    page.get_by_label("Email addresses").fill("tom@example.org\nAnna <anna@example.org>, not-an-address")
    page.get_by_role("button", name="Send invitations").click()  # click 2: sent
    page.wait_for_load_state()
    assert page.get_by_text("Invitations were sent to 2 addresses.").is_visible()
    assert page.get_by_text("not-an-address").first.is_visible()
    people = page.locator(
        "section", has=page.get_by_role("heading", name="Who is invited, joined and trained")
    )
    assert people.get_by_text("anna@example.org").is_visible()
    assert axe(page) == []
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "tom@example.org"]
    assert StaffInvitation.objects.filter(institution=school).count() == 2

    link = re.search(
        r"https?://\S+/schools/invite/\w+/", next(m for m in mail.outbox if m.to == ["tom@example.org"]).body
    )
    page.context.clear_cookies()
    sign_in(page, live_server, teacher)
    page.goto(link.group(0))
    page.get_by_role("button", name="Join Elm Park Primary").click()
    page.wait_for_load_state()
    assert Membership.objects.filter(user=teacher, institution=school, shares_completion=True).exists()

    page.context.clear_cookies()
    sign_in(page, live_server, lead)
    page.goto(f"{live_server.url}/schools/{school.pk}/?status=joined")
    assert people.get_by_text("Tom Teacher").is_visible()
    assert people.get_by_text("anna@example.org").count() == 0
    page.goto("about:blank")


def _programme_staff_sign_in(page, live_server):
    user, secret = staff_member("Programme staff")
    admin_sign_in(page, live_server, user, secret)


def test_programme_staff_filter_the_outreach_list_and_export_it(
    page, live_server, e2e_settings, axe, tmp_path
):
    CampaignFactory(name="Every school")
    InstitutionFactory(
        name="Camden Primary",
        borough=borough("Camden"),
        telephone="020 7000 0001",
        head_name="Ms Ada Head",
        website="www.camden-primary.example",
    )
    InstitutionFactory(name="Hackney Primary", borough=borough("Hackney"))

    _programme_staff_sign_in(page, live_server)
    page.get_by_role("button", name="Schools").click()  # click 1: the one Schools menu
    page.get_by_role("link", name="Outreach list").first.click()  # click 2: in the menu
    page.wait_for_url(re.compile(r"/admin/schools/reports/outreach/"))
    page.get_by_label("Borough").select_option(label="Camden")  # click 3
    page.get_by_role("button", name="Show").click()  # click 4
    page.wait_for_load_state()
    table = page.get_by_role("table")
    assert table.get_by_text("Camden Primary").is_visible() and table.get_by_text("Ms Ada Head").is_visible()
    assert table.get_by_text("Hackney Primary").count() == 0
    assert axe(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()  # click 5
    path = tmp_path / "outreach.csv"
    download.value.save_as(path)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    names = [row[1] for row in rows[1:]]
    assert names == ["Camden Primary"]
    assert "020 7000 0001" in rows[1] and "www.camden-primary.example" in rows[1]
    page.goto("about:blank")
