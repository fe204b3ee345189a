"""Coverage with certificates and training done elsewhere together: each person once, members who do
not share counted in programme figures but never visible to their lead, and confirmed versus
self-declared memberships."""

import importlib
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from schools import selectors
from schools.models import ExternalRecord, InstitutionKind, Membership
from schools.selectors.public import PublicCount
from tests.factories import CoursePageFactory, UserFactory

from .external_helpers import record, training
from .factories import CampaignFactory, InstitutionFactory, MembershipFactory, borough, certify

pytestmark = pytest.mark.django_db

CAMDEN = "E09000007"


@pytest.fixture
def world():
    """
    S1 (Camden): u1 certificate AND confirmed record; u2 confirmed record only; u3 certificate, does
                 NOT share; u4 pending record; u5 declined record; u6 record of a training the
                 campaign does not recognise; u7 record four years old (expired).
    S2 (Camden): only u8, who does not share, with a confirmed record.
    Lead of S1 (shares nothing, trained nothing).
    """
    campaign = CampaignFactory(
        programme="suicide_prevention", institution_kinds=[InstitutionKind.SCHOOL], starts_on=date(2024, 1, 1)
    )
    course = CoursePageFactory(programme="suicide_prevention")
    recognised = training(campaign, name="Youth MHFA two-day")
    other = training(None, name="Something else")
    s1, s2 = InstitutionFactory(name="S1"), InstitutionFactory(name="S2")
    users = {f"u{n}": UserFactory(borough=CAMDEN, full_name=f"Person {n}") for n in range(1, 9)}
    for n in range(1, 8):
        MembershipFactory(user=users[f"u{n}"], institution=s1, shares_completion=n != 3)
    MembershipFactory(user=users["u8"], institution=s2, shares_completion=False)
    lead = MembershipFactory(institution=s1, role=Membership.Role.LEAD, shares_completion=False).user
    now, last_year = timezone.now(), timezone.localdate() - timedelta(days=365)
    certify(users["u1"], course, when=now - timedelta(days=10))
    certify(users["u3"], course, when=now - timedelta(days=10))
    record(users["u1"], recognised, on=last_year)
    record(users["u2"], recognised, on=last_year)
    record(users["u4"], recognised, on=last_year, status=ExternalRecord.Status.PENDING)
    record(users["u5"], recognised, on=last_year, status=ExternalRecord.Status.DECLINED)
    record(users["u6"], other, on=last_year)
    record(users["u7"], recognised, on=timezone.localdate() - timedelta(days=365 * 4))
    record(users["u8"], recognised, on=last_year)
    return {"campaign": campaign, "s1": s1, "s2": s2, "lead": lead, "users": users}


def fresh(campaign, **changes):
    for name, value in changes.items():
        setattr(campaign, name, value)
    campaign.save()
    return type(campaign).objects.get(pk=campaign.pk)


def test_platform_and_external_separately_and_together_each_person_once(world, django_assert_num_queries):
    campaign = fresh(world["campaign"])
    with django_assert_num_queries(3):  # the campaign's courses and trainings, learners, kinds
        summary = selectors.campaign_summary(campaign=campaign)
    # Together: u1 (both kinds, once), u2, u3, u8. Platform: u1, u3. Elsewhere: u1, u2, u8.
    assert (summary["learners_completed"], summary["learners_platform"], summary["learners_external"]) == (
        4,
        2,
        3,
    )
    assert (summary["institutions_covered"], summary["institutions_total"]) == (2, 2)
    assert (summary["institutions_covered_platform"], summary["institutions_covered_external"]) == (1, 2)
    campaign = fresh(world["campaign"])
    with django_assert_num_queries(3):
        rows = {row["borough"]: row for row in selectors.coverage_by_borough(campaign=campaign)}
    camden = rows["Camden"]
    assert (camden["covered"], camden["covered_platform"], camden["covered_external"]) == (2, 1, 2)
    assert (camden["learners"], camden["learners_platform"], camden["learners_external"]) == (4, 2, 3)


def test_a_person_with_both_kinds_counts_once_toward_staff_needed(world):
    # S1's trained people: u1 (certificate and record), u2, u3: three, not four.
    assert selectors.institution_coverage(
        institution=world["s1"], campaign=fresh(world["campaign"], staff_needed=3), sharing_only=False
    )["covered"]
    campaign = fresh(world["campaign"], staff_needed=4)
    assert world["s1"] in selectors.uncovered_institutions(campaign=campaign)
    assert selectors.campaign_summary(campaign=campaign)["institutions_covered"] == 0


def test_public_figures_include_training_done_elsewhere_with_suppression(world):
    figures = selectors.campaign_public_figures(campaign=fresh(world["campaign"]))
    assert figures.learners == PublicCount.of(4) and str(figures.learners) == "fewer than 5"
    assert figures.institutions_total == 2 and not figures.institutions_covered.shown


def test_members_who_do_not_share_count_for_the_programme_but_their_lead_never_sees_them(
    client, world, admin_client
):
    # Programme figures: S2 is covered through u8, who does not share; the outreach list skips it.
    campaign = fresh(world["campaign"])
    assert world["s2"] not in selectors.uncovered_institutions(campaign=campaign)
    report = admin_client.get(reverse("schools_report_uncovered"), {"campaign": campaign.pk}).content.decode()
    assert "Person 8" not in report
    # S1's lead sees only sharing staff: u1 and u2 trained (u3 does not share), never u3's name.
    client.force_login(world["lead"])
    page = client.get(reverse("schools:dashboard", args=[world["s1"].pk])).content.decode()
    assert "Person 1" in page and "Person 3" not in page
    assert "1 on this site, 2 done elsewhere (confirmed), 2 together" in page
    # A lead of S2 sees it not covered and no one trained: nothing points at u8.
    s2_lead = MembershipFactory(
        institution=world["s2"], role=Membership.Role.LEAD, shares_completion=False
    ).user
    client.force_login(s2_lead)
    page = client.get(reverse("schools:dashboard", args=[world["s2"].pk])).content.decode()
    assert "Not covered yet" in page and "0 so far" in page and "Person 8" not in page


def test_confirmed_and_self_declared_memberships(client, world):
    campaign = fresh(world["campaign"])
    # Every membership in the fixture joined by searching: self-declared.
    summary = selectors.campaign_summary(campaign=campaign)
    assert (summary["institutions_covered"], summary["institutions_covered_confirmed"]) == (2, 0)
    assert (
        selectors.campaign_summary(campaign=fresh(campaign, self_declared_counts=False))[
            "institutions_covered"
        ]
        == 0
    )
    # S1's lead confirms u2 (who shares); u3 (not sharing) cannot be confirmed by the lead.
    client.force_login(world["lead"])
    page = client.get(reverse("schools:dashboard", args=[world["s1"].pk])).content.decode()
    assert "Person 2" in page and "Person 3" not in page
    u2 = Membership.objects.get(user=world["users"]["u2"])
    u3 = Membership.objects.get(user=world["users"]["u3"])
    assert client.post(reverse("schools:membership_confirm", args=[world["s1"].pk, u3.pk])).status_code == 404
    response = client.post(reverse("schools:membership_confirm", args=[world["s1"].pk, u2.pk]))
    assert response.status_code == 302
    u2.refresh_from_db()
    assert u2.is_confirmed
    summary = selectors.campaign_summary(campaign=fresh(campaign))
    assert summary["institutions_covered"] == 1 and summary["institutions_covered_confirmed"] == 1
    # Joining by invitation is confirmed from the start.
    newcomer = UserFactory()
    client.force_login(newcomer)
    client.post(
        reverse("schools:invitation", args=[world["s2"].invitation_code]), {"shares_completion": "on"}
    )
    assert Membership.objects.get(user=newcomer).is_confirmed


def test_the_campaign_report_shows_both_kinds_and_how_solid(admin_client, world):
    page = admin_client.get(
        reverse("schools_report_campaign"), {"campaign": world["campaign"].pk}
    ).content.decode()
    assert "Done elsewhere (confirmed)" in page and "Covered through confirmed memberships alone" in page


def test_existing_invitation_memberships_become_confirmed():
    migration = importlib.import_module("schools.migrations.0010_external_training_and_confirmed_memberships")
    invited = MembershipFactory(joined_via=Membership.JoinedVia.INVITATION)
    added = MembershipFactory(joined_via=Membership.JoinedVia.ADMIN)
    searched = MembershipFactory(joined_via=Membership.JoinedVia.SEARCH)
    migration.confirm_invited_memberships(apps, None)
    for membership in (invited, added, searched):
        membership.refresh_from_db()
    assert invited.confirmed_at == invited.joined_at and added.is_confirmed and not searched.is_confirmed
    assert borough("Camden")  # the boroughs the migrations load are there


def test_public_parts_are_withheld_when_they_would_give_away_a_small_count():
    from schools.selectors.public import part_of

    assert part_of(100, 60).value == 60  # leaves 40: shown
    assert part_of(100, 97).withheld  # leaves 3 trained only the other way: withheld
    assert part_of(100, 100).value == 100  # leaves nobody: says only that all were trained this way
    assert str(part_of(100, 3)) == "fewer than 5"


def test_the_public_progress_shows_both_kinds(client, world):
    figures = selectors.campaign_public_figures(campaign=fresh(world["campaign"]))
    # Four learners in all: every part is a small count, so none is shown exactly.
    assert not figures.learners_platform.shown and not figures.learners_external.shown
    from schools.templatetags.campaign_tags import campaign_progress

    context = campaign_progress()
    assert context["figures"].learners_external == figures.learners_external
