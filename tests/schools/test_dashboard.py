"""The school lead dashboard: who may see it, what it shows, and what it never shows."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import ModulePage
from schools.models import Membership
from tests.factories import CoursePageFactory, UserFactory

from .factories import CampaignFactory, MembershipFactory, certify, enroll

pytestmark = pytest.mark.django_db


def test_only_leads_of_this_institution_see_it(client, school, lead):
    url = reverse("schools:dashboard", args=[school.pk])
    csv_url = reverse("schools:dashboard_csv", args=[school.pk])
    staff = MembershipFactory(institution=school).user  # colleague, not a lead
    other_lead = MembershipFactory(role=Membership.Role.LEAD).user  # lead elsewhere
    outsider = UserFactory()
    for person in (staff, other_lead, outsider):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.get(csv_url).status_code == 404
        assert client.post(reverse("schools:rotate_invitation", args=[school.pk])).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    client.force_login(lead)
    assert client.get(url).status_code == 200
    assert client.get(reverse("schools:dashboard", args=[school.pk + 999])).status_code == 404


def test_shows_sharing_staff_with_progress_and_never_those_who_did_not_share(
    client, school, lead, django_assert_max_num_queries
):
    sp = CoursePageFactory(programme="suicide_prevention", title="Suicide prevention for everyone", modules=4)
    ymhfa = CoursePageFactory(programme="youth_mhfa", title="Youth MHFA e-learning", modules=2)
    ada = MembershipFactory(institution=school, user=UserFactory(full_name="Ada Sharer")).user
    ben = MembershipFactory(institution=school, user=UserFactory(full_name="Ben Progress")).user
    MembershipFactory(institution=school, user=UserFactory(full_name="Cal Private"), shares_completion=False)
    cal = Membership.objects.get(user__full_name="Cal Private").user
    when = timezone.make_aware(datetime(2025, 3, 14, 10))
    certify(ada, sp, when=when)
    enroll(ben, ymhfa, modules_done=1)
    certify(cal, sp, when=when)
    enroll(cal, ymhfa, modules_done=2)
    CampaignFactory(name="Every school", staff_needed=1)

    client.force_login(lead)
    # Session, user, lead check, staff, enrollments, module totals, campaign, its courses, coverage,
    # helplines, invitations, memberships, last activity, records to decide and members to confirm:
    # the same fourteen however many staff (see the next test).
    with django_assert_max_num_queries(14):
        page = client.get(reverse("schools:dashboard", args=[school.pk])).content.decode()
    assert "Ada Sharer" in page and "Ben Progress" in page
    assert "Cal Private" not in page and cal.email not in page
    assert "14 Mar 2025" in page
    assert "In progress (1 of 2 modules)" in page
    assert "Not started" in page
    assert "Covered:" in page  # Ada's current certificate covers the school
    assert school.invitation_code in page

    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("schools:dashboard_csv", args=[school.pk])).content.decode("utf-8-sig")
            )
        )
    )
    assert rows[0][:4] == ["Name", "Email", "Role", "Joined"]
    assert [r[0] for r in rows[1:]] == ["Ada Sharer", "Ben Progress"]
    assert rows[1][4:7] == ["Completed", "Suicide prevention for everyone", "2025-03-14"]
    assert "Cal Private" not in "".join(",".join(r) for r in rows)


def test_lead_sees_the_same_progress_as_the_learner_with_an_optional_module(client, school, lead):
    """Three modules, the last optional, the first done: the learner's page says 1 of 2, and so does
    the lead's (the optional module, and one a trainer unpublished, count for neither)."""
    course = CoursePageFactory(title="Youth MHFA e-learning", programme="youth_mhfa", modules=4)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    ModulePage.objects.filter(pk=modules[2].pk).update(is_required=False)
    modules[3].unpublish()
    learner = MembershipFactory(institution=school, user=UserFactory(full_name="Dee Learner")).user
    enroll(learner, course, modules_done=1)

    client.force_login(learner)
    assert "1 of 2 modules complete" in client.get(reverse("courses:my_learning")).content.decode()
    client.force_login(lead)
    page = client.get(reverse("schools:dashboard", args=[school.pk])).content.decode()
    assert "In progress (1 of 2 modules)" in page
    assert "of 3 modules" not in page and "of 4 modules" not in page


def test_query_count_does_not_grow_with_staff(client, school, lead, django_assert_num_queries):
    course = CoursePageFactory(modules=3)
    CampaignFactory()
    client.force_login(lead)
    url = reverse("schools:dashboard", args=[school.pk])
    client.get(url)  # warm caches (site settings, helplines)
    first = MembershipFactory(institution=school).user
    enroll(first, course, modules_done=1)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for _ in range(15):
        member = MembershipFactory(institution=school).user
        enroll(member, course, modules_done=2)
        certify(member, course, when=timezone.now() - timedelta(days=3))
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)


def test_not_covered_until_enough_staff_and_expired_or_revoked_do_not_count(client, school, lead):
    course = CoursePageFactory()
    CampaignFactory(name="Two per school", staff_needed=2, certificate_valid_months=36)
    a, b, c = (MembershipFactory(institution=school).user for _ in range(3))
    certify(a, course, when=timezone.now() - timedelta(days=10))
    certify(b, course, when=timezone.now() - timedelta(days=365 * 3 + 5))  # expired
    certify(c, course, when=timezone.now() - timedelta(days=5), revoked=True)
    client.force_login(lead)
    page = client.get(reverse("schools:dashboard", args=[school.pk])).content.decode()
    assert "Not covered yet:" in page and "1 so far" in page


def test_lead_can_rotate_invitation(client, school, lead):
    old = school.invitation_code
    client.force_login(lead)
    response = client.post(reverse("schools:rotate_invitation", args=[school.pk]))
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.invitation_code != old
    # The old link no longer joins anything and says it was replaced (Gone, not Not Found).
    assert client.get(reverse("schools:invitation", args=[old])).status_code == 410
    assert client.get(reverse("schools:invitation", args=[school.invitation_code])).status_code == 200


def test_csv_neutralises_formulas(client, school, lead):
    MembershipFactory(institution=school, user=UserFactory(full_name="=HYPERLINK(1)"))
    client.force_login(lead)
    body = client.get(reverse("schools:dashboard_csv", args=[school.pk])).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in body
