"""Campaign and coverage figures against a small data set checked by hand (see the table below)."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from schools import selectors
from schools.models import InstitutionKind, InstitutionStatus
from tests.factories import CoursePageFactory, UserFactory

from .factories import CampaignFactory, InstitutionFactory, MembershipFactory, borough, certify

pytestmark = pytest.mark.django_db

CAMDEN, HACKNEY = "E09000007", "E09000012"


@pytest.fixture
def world():
    """
    institution      borough  kind         members (shares?) and certificates
    S1 open          Camden   school       u1 (yes) sp1 10 days ago; u2 (yes) sp1 + sp2
    S2 open          Camden   school       u3 (NO)  sp1
    C1 open          Camden   FE college   u4 (yes) youth MHFA only
    X  closed        Camden   school       u7 (yes) sp1
    H1 open          Hackney  school       u5 (yes) sp1 revoked; u8 (yes) sp1 four years ago
    H2 open          Hackney  alt. prov.   u6 (yes) sp1
    (no membership)                        u9 sp1 in 2023, before the campaign started
    """
    camden, hackney = borough("Camden"), borough("Hackney")
    sp1 = CoursePageFactory(programme="suicide_prevention")
    sp2 = CoursePageFactory(programme="suicide_prevention")
    y1 = CoursePageFactory(programme="youth_mhfa")
    inst = {
        "S1": InstitutionFactory(name="S1", borough=camden),
        "S2": InstitutionFactory(name="S2", borough=camden),
        "C1": InstitutionFactory(name="C1", borough=camden, kind=InstitutionKind.FE_COLLEGE),
        "X": InstitutionFactory(name="X", borough=camden, status=InstitutionStatus.CLOSED),
        "H1": InstitutionFactory(name="H1", borough=hackney),
        "H2": InstitutionFactory(name="H2", borough=hackney, kind=InstitutionKind.ALTERNATIVE_PROVISION),
    }
    now = timezone.now()
    users = {
        f"u{n}": UserFactory(borough=b)
        for n, b in enumerate(["", CAMDEN, CAMDEN, HACKNEY, CAMDEN, HACKNEY, "", CAMDEN, HACKNEY, CAMDEN])
        if n
    }
    for user, where, shares in [
        ("u1", "S1", True),
        ("u2", "S1", True),
        ("u3", "S2", False),
        ("u4", "C1", True),
        ("u7", "X", True),
        ("u5", "H1", True),
        ("u8", "H1", True),
        ("u6", "H2", True),
    ]:
        MembershipFactory(user=users[user], institution=inst[where], shares_completion=shares)
    certify(users["u1"], sp1, when=now - timedelta(days=10))
    certify(users["u2"], sp1, when=now - timedelta(days=20))
    certify(users["u2"], sp2, when=now - timedelta(days=5))
    certify(users["u3"], sp1, when=now - timedelta(days=30))
    certify(users["u4"], y1, when=now - timedelta(days=30))
    certify(users["u7"], sp1, when=now - timedelta(days=40))
    certify(users["u5"], sp1, when=now - timedelta(days=50), revoked=True)
    certify(users["u8"], sp1, when=now - timedelta(days=365 * 4))
    certify(users["u6"], sp1, when=now - timedelta(days=60))
    certify(users["u9"], sp1, when=timezone.make_aware(datetime(2023, 6, 1, 12)))
    campaign = CampaignFactory(
        name="Suicide prevention in schools and colleges",
        programme="suicide_prevention",
        institution_kinds=[InstitutionKind.SCHOOL, InstitutionKind.FE_COLLEGE],
        starts_on=date(2024, 1, 1),
        learner_target=10,
    )
    return {"inst": inst, "users": users, "campaign": campaign, "courses": (sp1, sp2, y1)}


def test_campaign_summary(world, django_assert_num_queries):
    with django_assert_num_queries(3):
        summary = selectors.campaign_summary(campaign=world["campaign"])
    # u1, u2 (once, though two courses), u3 (not sharing still counts as a learner), u6, u7.
    assert summary["learners_completed"] == 5
    assert summary["learner_percent"] == 50.0
    # Counted: S1, S2, C1, H1 (X closed; H2 is not a counted kind). Covered: S1, and S2 through u3,
    # who does not share with S2: programme figures count every member and show no one.
    assert (summary["institutions_covered"], summary["institutions_total"]) == (2, 4)
    assert summary["institution_percent"] == 50.0


def test_coverage_by_borough(world, django_assert_num_queries):
    with django_assert_num_queries(3):
        rows = {row["borough"]: row for row in selectors.coverage_by_borough(campaign=world["campaign"])}
    assert len(rows) == 33
    assert (rows["Camden"]["covered"], rows["Camden"]["total"], rows["Camden"]["percent"]) == (2, 3, 66.7)
    assert (rows["Hackney"]["covered"], rows["Hackney"]["total"]) == (0, 1)
    assert (rows["Barnet"]["total"], rows["Barnet"]["percent"]) == (0, None)
    # Learners by the borough they gave: u1, u2, u7 in Camden; u3 in Hackney (u6 gave none).
    assert (rows["Camden"]["learners"], rows["Hackney"]["learners"]) == (3, 1)


def test_coverage_by_kind_and_uncovered_list(world):
    kinds = {
        row["kind"]: (row["covered"], row["total"])
        for row in selectors.coverage_by_kind(campaign=world["campaign"])
    }
    assert kinds == {"school": (2, 3), "fe_college": (0, 1)}
    uncovered = [
        (i.borough.name, i.name) for i in selectors.uncovered_institutions(campaign=world["campaign"])
    ]
    assert uncovered == [("Camden", "C1"), ("Hackney", "H1")]
    hackney = list(selectors.uncovered_institutions(campaign=world["campaign"], borough=borough("Hackney")))
    assert [i.name for i in hackney] == ["H1"]


def test_two_staff_needed_and_both_programmes(world):
    campaign = CampaignFactory(programme="", staff_needed=2, starts_on=date(2024, 1, 1))
    summary = selectors.campaign_summary(campaign=campaign)
    # All kinds, open: S1, S2, C1, H1, H2. Only S1 has two staff with current certificates.
    assert (summary["institutions_covered"], summary["institutions_total"]) == (1, 5)
    # Both programmes now: u4's Youth MHFA certificate counts too.
    assert summary["learners_completed"] == 6


def test_only_chosen_courses_count(world):
    sp1, sp2, _ = world["courses"]
    campaign = world["campaign"]
    campaign.courses.set([sp2])
    summary = selectors.campaign_summary(campaign=type(campaign).objects.get(pk=campaign.pk))
    assert summary["learners_completed"] == 1  # u2 only
    assert summary["institutions_covered"] == 1  # S1 through u2


def test_campaign_end_date_limits_the_learner_count(world):
    campaign = world["campaign"]
    campaign.ends_on = timezone.localdate() - timedelta(days=15)
    campaign.save()
    # Completions 20+ days ago: u2 (sp1), u3, u6, u7. u1 (10 days) and u2's sp2 (5 days) are after the end.
    assert selectors.campaign_summary(campaign=campaign)["learners_completed"] == 4


def test_completions_by_week(world):
    weeks = selectors.completions_by_week(campaign=world["campaign"])
    assert sum(week["completions"] for week in weeks) == 6
    assert all(week["week"].weekday() == 0 for week in weeks)


def test_institution_coverage(world):
    c = selectors.institution_coverage(institution=world["inst"]["S1"], campaign=world["campaign"])
    assert (c["trained"], c["covered"], c["counts"]) == (2, True, True)
    h2 = selectors.institution_coverage(institution=world["inst"]["H2"], campaign=world["campaign"])
    assert (h2["trained"], h2["covered"], h2["counts"]) == (1, False, False)


def test_a_closed_institution_with_trained_staff_is_neither_counted_nor_covered(world):
    x = selectors.institution_coverage(institution=world["inst"]["X"], campaign=world["campaign"])
    assert (x["trained"], x["covered"], x["counts"]) == (1, False, False)
    assert world["inst"]["X"] not in selectors.covered_institutions(campaign=world["campaign"])
    assert list(selectors.covered_institutions(campaign=world["campaign"])) == [
        world["inst"]["S1"],
        world["inst"]["S2"],
    ]


def test_a_certificate_stops_counting_on_its_anniversary_day():
    """36 months' validity: completed on 1 December 2023, current on 30 November 2026, not on
    1 December 2026, the anniversary."""
    campaign = CampaignFactory(
        institution_kinds=[InstitutionKind.SCHOOL], starts_on=date(2023, 1, 1), certificate_valid_months=36
    )
    course = CoursePageFactory()
    campaign.courses.add(course)
    school = InstitutionFactory()
    teacher = MembershipFactory(institution=school).user
    certify(teacher, course, when=timezone.make_aware(datetime(2023, 12, 1, 23, 30)))
    day_before, anniversary = date(2026, 11, 30), date(2026, 12, 1)
    assert selectors.campaign_summary(campaign=campaign, on=day_before)["learners_completed"] == 1
    def covered(on):
        return selectors.institution_coverage(institution=school, campaign=campaign, on=on)["covered"]

    assert covered(day_before)
    assert selectors.campaign_summary(campaign=campaign, on=anniversary)["learners_completed"] == 0
    assert not covered(anniversary)
    assert selectors.campaign_summary(campaign=campaign, on=anniversary)["institutions_covered"] == 0
