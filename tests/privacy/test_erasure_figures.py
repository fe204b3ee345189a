"""Campaign figures do not drop when a person is erased: every public and admin figure is the same
before and after (the anonymous completion facts count by the same rules as certificates)."""

import re
from datetime import date, datetime, timedelta

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.utils import timezone

from lms.privacy.services import person_erase
from schools import selectors
from schools.models import CompletionFact, CompletionFactInstitution, Membership
from schools.selectors.outreach import outreach_institutions
from schools.selectors.reports import coverage_by_borough_with_totals
from tests.factories import CoursePageFactory, UserFactory
from tests.schools.external_helpers import record, training
from tests.schools.factories import CampaignFactory, InstitutionFactory, borough, certify

pytestmark = [pytest.mark.django_db, pytest.mark.needs("postgresql")]


def figures(campaign, institutions):
    """Everything the public pages and the admin reports show for `campaign`."""
    cache.clear()
    public = Template("{% load campaign_tags %}{% campaign_progress %}").render(Context({}))
    public = re.sub(r"Figures updated [^.]*\.", "", public)  # when the figures were read, not what
    return {
        "summary": _without_campaign(selectors.campaign_summary(campaign=campaign)),
        "boroughs": selectors.coverage_by_borough(campaign=campaign),
        "kinds": selectors.coverage_by_kind(campaign=campaign),
        "weeks": selectors.completions_by_week(campaign=campaign),
        "uncovered": list(selectors.uncovered_institutions(campaign=campaign).values_list("pk", flat=True)),
        "institutions": [
            _without_campaign(selectors.institution_coverage(institution=i, campaign=campaign))
            for i in institutions
        ],
        "programme_institutions": [
            _without_campaign(
                selectors.institution_coverage(institution=i, campaign=campaign, sharing_only=False)
            )
            for i in institutions
        ],
        "report_boroughs": coverage_by_borough_with_totals(campaign=campaign),
        "outreach": list(
            outreach_institutions(campaign=campaign, coverage="").values_list("pk", "is_covered")
        ),
        "public": selectors.campaign_public_figures(campaign=campaign).__dict__ | {"updated_at": None},
        "public_html": public,
    }


def _without_campaign(row: dict) -> dict:
    return {key: value for key, value in row.items() if key != "campaign"}


def _when(days_ago):
    return timezone.make_aware(datetime.combine(date.today() - timedelta(days=days_ago), datetime.min.time()))


@pytest.mark.parametrize("staff_needed", [1, 2])
def test_public_and_admin_figures_are_equal_before_and_after_an_erasure(staff_needed):
    campaign = CampaignFactory(staff_needed=staff_needed, starts_on=date.today() - timedelta(days=400))
    first, second = CoursePageFactory(title="Course A"), CoursePageFactory(title="Course B")
    camden, hackney = InstitutionFactory(), InstitutionFactory(borough=borough("Hackney"))
    people = []
    for n in range(12):  # enough learners that boroughs' figures are shown, not "fewer than 5"
        person = UserFactory(borough=borough("Camden" if n % 2 else "Hackney").ons_code)
        certify(person, first, when=_when(n * 7))
        if n % 3 == 0:
            certify(person, second, when=_when(n * 7 + 1))
        institution = camden if n % 2 else hackney
        Membership.objects.create(user=person, institution=institution, shares_completion=n % 5 != 0)
        people.append(person)
    certify(people[8], second, when=_when(2), revoked=True)
    # Erased: one who works at both institutions and holds two certificates, one who shares with
    # no one, one who also holds a revoked certificate.
    Membership.objects.create(user=people[3], institution=hackney, shares_completion=True)
    before = figures(campaign, [camden, hackney])
    assert before["summary"]["learners_completed"] == 12

    for person in (people[3], people[5], people[8], people[10]):
        person_erase(person)

    assert CompletionFact.objects.values("person").distinct().count() == 4  # kept, unnamed
    assert figures(campaign, [camden, hackney]) == before


@pytest.mark.parametrize("self_declared_counts", [False, True])
@pytest.mark.parametrize("staff_needed", [1, 2])
def test_erasing_members_trained_either_way_changes_no_figure_of_a_confirmed_only_campaign(
    staff_needed, self_declared_counts
):
    """Programme figures count every member (sharing or not), a lead's view only those who share,
    a confirmed-only campaign (and every report's "confirmed alone" figure) only confirmed
    memberships: the facts keep both flags, so no figure moves."""
    campaign = CampaignFactory(
        staff_needed=staff_needed,
        self_declared_counts=self_declared_counts,
        starts_on=date.today() - timedelta(days=400),
    )
    course = CoursePageFactory(title="Course A")
    elsewhere = training(campaign)
    schools = [InstitutionFactory(), InstitutionFactory(borough=borough("Hackney")), InstitutionFactory()]
    people = []
    for n in range(15):
        given = "" if n in (7, 8) else borough("Camden" if n % 2 else "Hackney").ons_code
        person = UserFactory(borough=given)
        if n % 4 == 3:
            record(person, elsewhere, on=date.today() - timedelta(days=n))  # trained elsewhere only
        else:
            certify(person, course, when=_when(n * 5))
        if n % 5 == 0:
            record(person, elsewhere, on=date.today() - timedelta(days=n + 1))  # trained both ways
        Membership.objects.create(
            user=person,
            institution=schools[n % 3],
            shares_completion=n % 2 == 0,
            confirmed_at=timezone.now() if n % 3 != 2 or n % 2 else None,
        )
        people.append(person)
    before = figures(campaign, schools)
    # Someone counts for each of these, or the test would prove nothing.
    assert before["summary"]["institutions_covered"] > 0
    assert before["summary"]["learners_external"] > 0
    assert any(row["trained"] != mine["trained"] for row, mine in zip(
        before["programme_institutions"], before["institutions"], strict=True
    ))

    non_sharing_confirmed = people[1]  # certificate, not sharing, confirmed
    self_declared_sharing = people[2]  # certificate, sharing, self-declared (does not count here)
    sharing_confirmed = people[4]  # certificate, sharing, confirmed
    trained_elsewhere = people[3]  # a confirmed record only, not sharing, confirmed
    trained_both_ways = people[10]  # a certificate and a confirmed record, sharing, confirmed
    no_borough = people[7]  # a confirmed record only, no borough given ("Borough not given")
    for person in (
        non_sharing_confirmed, self_declared_sharing, sharing_confirmed, trained_elsewhere, trained_both_ways,
        no_borough,
    ):
        person_erase(person)

    kept = CompletionFactInstitution.objects.values_list("shared", "confirmed")
    assert sorted(kept) == [(False, True)] * 3 + [(True, False)] + [(True, True)] * 3
    assert CompletionFact.objects.filter(training__isnull=False).count() == 3
    assert figures(campaign, schools) == before
