"""The home page's campaign section (progress, borough map with legend and table, trend chart with a
table of the same figures) publishes only suppressed figures: what a table hides, no chart, tooltip,
shade, percentage or accessible label gives away, and no subtraction of one figure from another
turns back into a count below 5."""

import re
from datetime import date, timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone

from schools.models import CoverageSnapshot, InstitutionKind
from tests.factories import CoursePageFactory, UserFactory

from .factories import CampaignFactory, InstitutionFactory, MembershipFactory, borough, certify

pytestmark = pytest.mark.django_db

HATCHED = 'fill="url(#borough-map-withheld)"'


def render(source):
    return Template("{% load campaign_tags campaign_charts %}" + source).render(Context({}))


def school_campaign(**kwargs):
    campaign = CampaignFactory(
        name=kwargs.pop("name", "Every school"),
        institution_kinds=[InstitutionKind.SCHOOL],
        starts_on=kwargs.pop("starts_on", date(2024, 1, 1)),
        **kwargs,
    )
    course = CoursePageFactory()
    campaign.courses.add(course)
    return campaign, course


def schools_in(name, *, total, covered, course, learner_borough=""):
    """`total` schools in borough `name`, of which `covered` have one trained member of staff."""
    schools = [InstitutionFactory(borough=borough(name)) for _ in range(total)]
    for school in schools[:covered]:
        teacher = UserFactory(borough=learner_borough)
        MembershipFactory(user=teacher, institution=school)
        certify(teacher, course, when=timezone.now() - timedelta(days=2))
    return schools


def map_title(html, name):
    match = re.search(rf"<title>{name}: ([^<]*)</title>", html)
    return match.group(1) if match else None


def map_fill(html, name):
    match = re.search(rf'<path [^>]*fill="([^"]+)"[^>]*><title>{name}:', html)
    return match.group(1) if match else None


def table_row(html, name):
    match = re.search(rf'<tr>\s*<th scope="row">{name}</th>(.*?)</tr>', html, re.S)
    return [re.sub(r"\s+", " ", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", match.group(1), re.S)]


def labels(html):
    """Everything a screen reader or a tooltip says: every <title> and aria-label in the page."""
    return re.findall(r"<title[^>]*>([^<]*)</title>", html) + re.findall(r'aria-label="([^"]*)"', html)


def figures_in(text):
    """The numbers a text states, dates left out."""
    text = re.sub(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b", "", text)
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]


@pytest.fixture
def small_campaign():
    """Camden: 4 schools, 1 covered (25% would give the 1 away). Westminster: 1 school, not covered."""
    campaign, course = school_campaign()
    schools_in("Camden", total=4, covered=1, course=course)
    schools_in("Westminster", total=1, covered=0, course=course)
    return campaign


def test_the_map_hatches_a_borough_whose_count_is_suppressed(small_campaign):
    html = render("{% campaign_map %}")
    assert map_title(html, "Camden") == "fewer than 5 covered"
    assert map_fill(html, "Camden") == "url(#borough-map-withheld)"
    assert map_title(html, "Westminster") == "fewer than 5 covered"
    assert map_title(html, "Barnet") == "no institutions counted"  # no schools counted there
    assert "25%" not in html and "0% covered" not in html
    assert html.count("<path ") == 33
    assert "Key: share with trained staff" in html and "40% to under 60%" in html
    assert "Not shown, to protect small numbers" in html
    assert "Figures updated" in html


def test_no_percentage_gives_back_a_count_the_table_hides(client, small_campaign):
    html = client.get("/").content.decode()
    assert table_row(html, "Camden") == ["fewer than 5", "4", "fewer than 5"]
    assert "25%" not in html and "(0%)" not in html
    assert 'aria-label="' in html
    for text in labels(html):
        assert not re.search(r"\d%", text), text
        assert all(n >= 5 for n in figures_in(text)), text


def test_suppression_starts_below_5_exactly():
    """Hackney 5 of 10 is shown with its share; Camden 4 of 10 is not. Westminster's 3 keeps what the
    shown boroughs leave of London's 12 at 7, so nothing else needs withholding."""
    campaign, course = school_campaign()
    schools_in("Hackney", total=10, covered=5, course=course)
    schools_in("Camden", total=10, covered=4, course=course)
    schools_in("Westminster", total=3, covered=3, course=course)
    html = render("{% campaign_progress %}{% campaign_map %}{% campaign_boroughs %}")
    assert table_row(html, "Hackney") == ["5 (50%)", "10", "fewer than 5"]
    assert map_title(html, "Hackney") == "50% covered"
    assert table_row(html, "Camden") == ["fewer than 5", "10", "fewer than 5"]
    assert map_title(html, "Camden") == "fewer than 5 covered"
    for hidden in ("40%", "100%"):  # Camden's and Westminster's shares
        assert f"({hidden})" not in html and f"{hidden} covered" not in html
    assert '<span class="campaign-figures__number">12</span>' in html
    assert "<td>not shown" not in html and ": not shown</title>" not in html


def test_a_borough_is_withheld_when_london_minus_the_others_would_give_a_small_count_away():
    """London 15 = Camden 6 + Hackney 7 + Westminster 2. With Westminster suppressed, 15 - 6 - 7 would
    say 2, so Camden is withheld too: 15 - 7 = 8 says nothing about either."""
    campaign, course = school_campaign()
    schools_in("Camden", total=6, covered=6, course=course)
    schools_in("Hackney", total=10, covered=7, course=course)
    schools_in("Westminster", total=2, covered=2, course=course)
    html = render("{% campaign_progress %}{% campaign_map %}{% campaign_boroughs %}")
    assert '<span class="campaign-figures__number">15</span>' in html
    assert table_row(html, "Hackney")[0] == "7 (70%)"
    assert table_row(html, "Westminster")[0] == "fewer than 5"
    assert table_row(html, "Camden") == ["not shown", "6", "fewer than 5"]
    assert map_title(html, "Camden") == "not shown"
    assert map_fill(html, "Camden") == "url(#borough-map-withheld)"
    assert "(100%)" not in html and "100% covered" not in html
    assert "cannot be worked out by subtracting" in html
    shown = [int(row[0].split()[0]) for row in map(lambda n: table_row(html, n), ["Camden", "Hackney",
             "Westminster"]) if row[0][0].isdigit()]
    assert 15 - sum(shown) >= 5


def test_learners_by_borough_are_withheld_so_london_minus_them_is_not_small():
    """Seven learners gave Hackney, two gave Camden, none gave no borough: Hackney is withheld too."""
    campaign, course = school_campaign()
    for code, count in [("E09000012", 7), ("E09000007", 2)]:
        for _ in range(count):
            certify(UserFactory(borough=code), course, when=timezone.now() - timedelta(days=1))
    html = render("{% campaign_progress %}{% campaign_boroughs %}")
    assert '<span class="campaign-figures__number">9</span>' in html
    assert table_row(html, "Camden")[2] == "fewer than 5"
    assert table_row(html, "Hackney")[2] == "not shown"
    assert ">7<" not in html and ">2<" not in html


def test_the_trend_plots_only_days_whose_count_is_shown(small_campaign):
    for days_ago, learners in [(14, 3), (7, 40), (0, 125)]:
        CoverageSnapshot.objects.create(
            campaign=small_campaign,
            taken_on=date.today() - timedelta(days=days_ago),
            institutions_total=5,
            institutions_covered=1,
            learners_completed=learners,
        )
    CoverageSnapshot.objects.create(  # a borough row is not part of the London trend
        campaign=small_campaign,
        borough=borough("Camden"),
        taken_on=date.today(),
        institutions_total=4,
        institutions_covered=1,
        learners_completed=999,
    )
    html = render("{% campaign_trend %}")
    early = (date.today() - timedelta(days=14)).strftime("%-d %b %Y")
    assert html.count("<circle ") == 2  # a point's height would give its value away
    assert f"<title>{date.today().strftime('%-d %b %Y')}: 125</title>" in html
    assert f"<title>{early}:" not in html
    assert all(n >= 5 for text in labels(html) for n in figures_in(text))
    assert f'<th scope="row">{early}</th><td>fewer than 5</td><td>fewer than 5</td>' in html
    assert "<td>125</td>" in html and "<td>40</td>" in html
    assert "999" not in html


def test_a_trend_with_fewer_than_two_shown_days_is_a_table_only(small_campaign):
    for days_ago, learners in [(7, 2), (0, 30)]:
        CoverageSnapshot.objects.create(
            campaign=small_campaign, taken_on=date.today() - timedelta(days=days_ago),
            institutions_total=5, institutions_covered=0, learners_completed=learners,
        )
    html = render("{% campaign_trend %}")
    assert "<svg" not in html and "<details" in html and " open>" in html
    assert "<td>30</td>" in html and "<td>2</td>" not in html


def test_the_map_is_left_out_without_an_institution_target():
    CampaignFactory(institution_kinds=[])
    assert render("{% campaign_map %}").strip() == ""


def test_the_home_page_shows_the_whole_campaign_section(client, small_campaign):
    html = client.get("/").content.decode()
    assert "Progress: Every school" in html
    assert 'class="borough-map"' in html
    assert "Schools, colleges and universities with trained staff, by borough" in html


def test_home_page_progress_gives_both_targets_in_words_and_says_when_updated():
    campaign, course = school_campaign()
    schools_in("Camden", total=7, covered=6, course=course)
    html = render("{% campaign_progress %}")
    assert "toward our goal of 100,000" in html
    assert '<span class="campaign-figures__number">6</span>' in html and "of 7 London schools" in html
    assert "(85.7%)" in html and 'aria-label="85.7% of institutions"' in html
    assert "Figures updated" in html


def test_with_two_public_campaigns_every_section_shows_the_latest_one():
    spring, spring_course = school_campaign(name="Spring drive", starts_on=date(2024, 1, 1))
    autumn, autumn_course = school_campaign(name="Autumn drive", starts_on=date(2025, 1, 1))
    schools_in("Hackney", total=8, covered=8, course=spring_course)
    schools_in("Camden", total=9, covered=6, course=autumn_course)
    for campaign, learners in [(spring, 777), (autumn, 555)]:
        for days_ago in (7, 0):
            CoverageSnapshot.objects.create(
                campaign=campaign, taken_on=date.today() - timedelta(days=days_ago),
                institutions_total=17, institutions_covered=6, learners_completed=learners + days_ago,
            )
    html = render("{% campaign_progress %}{% campaign_map %}{% campaign_boroughs %}{% campaign_trend %}")
    assert "Progress: Autumn drive" in html and "Spring drive" not in html
    assert '<span class="campaign-figures__number">6</span>' in html  # Autumn's six teachers only
    assert table_row(html, "Camden")[0] == "6 (67%)"
    assert table_row(html, "Hackney")[0] == "fewer than 5"  # Spring's course does not count here
    assert "<td>555</td>" in html and "777" not in html


def test_all_four_sections_share_one_computation(small_campaign, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        render("{% campaign_progress %}")
    with django_assert_max_num_queries(3):  # only the public campaign is looked up again, per tag
        html = render("{% campaign_map %}{% campaign_boroughs %}{% campaign_trend %}")
    assert map_title(html, "Camden") == "fewer than 5 covered"
