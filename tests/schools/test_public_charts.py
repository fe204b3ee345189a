"""The home page's campaign section: progress, borough map with legend and table, and the trend
chart from nightly snapshots with a table of the same figures (checked by hand below)."""

from datetime import date, timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone

from schools.models import CoverageSnapshot, InstitutionKind
from tests.factories import CoursePageFactory, UserFactory

from .factories import CampaignFactory, InstitutionFactory, MembershipFactory, borough, certify

pytestmark = pytest.mark.django_db


def render(source):
    return Template("{% load campaign_charts %}" + source).render(Context({}))


@pytest.fixture
def campaign_with_coverage():
    """Camden: 2 schools, 1 covered (50%). Westminster: 1 school, not covered (0%)."""
    campaign = CampaignFactory(
        name="Every school", institution_kinds=[InstitutionKind.SCHOOL], starts_on=date(2024, 1, 1)
    )
    course = CoursePageFactory()
    campaign.courses.add(course)
    camden_a, _camden_b = InstitutionFactory(), InstitutionFactory()
    InstitutionFactory(borough=borough("Westminster"))
    teacher = UserFactory()
    MembershipFactory(user=teacher, institution=camden_a)
    certify(teacher, course, when=timezone.now() - timedelta(days=2))
    return campaign


def test_map_shades_each_borough_by_its_share_covered(campaign_with_coverage):
    html = render("{% campaign_map %}")
    assert "<title>Camden: 50% covered</title>" in html
    assert "<title>Westminster: 0% covered</title>" in html
    assert "<title>Barnet: no data</title>" in html  # no schools counted there
    assert html.count("<path ") == 33
    assert "Key: share with trained staff" in html and "40% to under 60%" in html
    assert "Figures updated" in html


def test_map_is_left_out_without_an_institution_target():
    CampaignFactory(institution_kinds=[])
    assert render("{% campaign_map %}").strip() == ""


def test_trend_chart_and_table_come_from_london_snapshots(campaign_with_coverage):
    for days_ago, learners in [(14, 3), (7, 40), (0, 125)]:
        CoverageSnapshot.objects.create(
            campaign=campaign_with_coverage,
            taken_on=date.today() - timedelta(days=days_ago),
            institutions_total=3,
            institutions_covered=1,
            learners_completed=learners,
        )
    CoverageSnapshot.objects.create(  # a borough row is not part of the London trend
        campaign=campaign_with_coverage,
        borough=borough("Camden"),
        taken_on=date.today(),
        institutions_total=2,
        institutions_covered=1,
        learners_completed=999,
    )
    html = render("{% campaign_trend %}")
    assert html.count("<circle ") == 3
    assert f"<title>{date.today().strftime('%-d %b %Y')}: 125</title>" in html
    assert "<td>125</td>" in html and "<td>40</td>" in html
    assert "<td>fewer than 5</td>" in html  # 3 learners and 1 institution are suppressed
    assert "999" not in html


def test_home_page_shows_the_whole_campaign_section(client, campaign_with_coverage):
    html = client.get("/").content.decode()
    assert "Progress: Every school" in html
    assert 'class="borough-map"' in html
    assert "Schools, colleges and universities with trained staff, by borough" in html


def test_home_page_progress_gives_both_targets_in_words_and_says_when_updated(client):
    campaign = CampaignFactory(
        name="Every school", institution_kinds=[InstitutionKind.SCHOOL], starts_on=date(2024, 1, 1)
    )
    course = CoursePageFactory()
    campaign.courses.add(course)
    for _ in range(6):
        teacher = UserFactory()
        MembershipFactory(user=teacher, institution=InstitutionFactory())
        certify(teacher, course, when=timezone.now() - timedelta(days=1))
    InstitutionFactory()  # one more school, not yet covered
    html = Template("{% load campaign_tags %}{% campaign_progress %}").render(Context({}))
    assert "toward our goal of 100,000" in html
    assert "6</span>" in html and "of 7 London schools" in html and "(85.7%)" in html
    assert 'aria-label="85.7% of institutions"' in html
    assert "Figures updated" in html


def test_borough_table_and_map_share_one_coverage_computation(
    campaign_with_coverage, django_assert_max_num_queries
):
    Template("{% load campaign_tags %}{% campaign_boroughs %}").render(Context({}))
    with django_assert_max_num_queries(1):  # only the public campaign is looked up again
        html = render("{% campaign_map %}")
    assert "<title>Camden: 50% covered</title>" in html
