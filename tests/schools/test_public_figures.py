"""Public figures (template tags for CMS pages), nightly snapshots and the demo seeder."""

from datetime import date, timedelta

import pytest
import time_machine
from django.template import Context, Template
from django.utils import timezone

from schools import tasks
from schools.demo import seed
from schools.models import CoverageSnapshot, Institution
from schools.selectors.public import PublicCount, withhold_complements
from tests.factories import CoursePageFactory, UserFactory

from .factories import CampaignFactory, InstitutionFactory, MembershipFactory, borough, certify

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load campaign_tags %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0, "fewer than 5"), (1, "fewer than 5"), (4, "fewer than 5"), (5, "5"), (12345, "12,345")],
)
def test_small_counts_are_not_shown_exactly(value, shown):
    count = PublicCount.of(value)
    assert render("{{ n }}", n=count) == shown
    assert count.value == (value if value >= 5 else None)  # nothing to work a percentage out from


@pytest.mark.parametrize(
    ("total", "parts", "shown"),
    [
        (20, [8, 12], ["8", "12"]),  # nothing hidden
        (20, [6, 12, 2], ["not shown", "12", "fewer than 5"]),  # 20 - 6 - 12 would say 2
        (20, [3, 4, 13], ["fewer than 5", "fewer than 5", "13"]),  # 20 - 13 = 7 hides both
        (13, [13, 0, 0], ["13", "fewer than 5", "fewer than 5"]),  # the rest are all 0: no one
        (15, [6, 6], ["not shown", "6"]),  # 3 outside every part (no borough given)
        (9, [5, 4], ["not shown", "fewer than 5"]),  # withholding goes on until it is safe
        (4, [3, 1], ["fewer than 5", "fewer than 5"]),  # a hidden total gives nothing to subtract from
    ],
)
def test_parts_of_a_shown_total_never_subtract_to_a_small_count(total, parts, shown):
    counts = withhold_complements(total, parts)
    assert [str(c) for c in counts] == shown
    unexplained = total - sum(c.value for c in counts if c.shown)
    assert total < 5 or not 0 < unexplained < 5


def test_no_public_campaign_renders_nothing():
    CampaignFactory(is_public=False)
    assert render("{% campaign_progress %}").strip() == ""


def test_campaign_progress_shows_aggregates_only(django_assert_max_num_queries):
    CampaignFactory(name="London goal", learner_target=100_000, starts_on=date(2024, 1, 1))
    course = CoursePageFactory()
    school = InstitutionFactory()
    learners = [UserFactory(full_name=f"Learner Number{n}") for n in range(7)]
    for person in learners:
        certify(person, course, when=timezone.now() - timedelta(days=1))
    MembershipFactory(user=learners[0], institution=school)
    with django_assert_max_num_queries(8):
        html = render("{% campaign_progress %}")
    assert "Progress: London goal" in html
    assert '<span class="campaign-figures__number">7</span>' in html and "100,000" in html
    assert 'aria-label="0.0% of the goal"' in html
    assert '<span class="campaign-figures__number">fewer than 5</span>' in html  # one covered school
    assert "% of institutions" not in html
    assert "Learner Number" not in html
    with django_assert_max_num_queries(1):  # cached for a few minutes
        render("{% campaign_progress %}")


def test_borough_table_suppresses_small_learner_counts():
    CampaignFactory(starts_on=date(2024, 1, 1))
    course = CoursePageFactory()
    for _ in range(2):
        certify(UserFactory(borough="E09000007"), course, when=timezone.now() - timedelta(days=1))
    html = render("{% campaign_boroughs %}")
    assert "Camden" in html and "Westminster" in html
    assert html.count("<tr>") == 34
    assert ">2<" not in html


def test_nightly_snapshot_per_borough_and_london_is_idempotent(celery_eager):
    campaign = CampaignFactory(starts_on=date(2024, 1, 1))
    CampaignFactory(name="Future", starts_on=timezone.localdate() + timedelta(days=30))
    course = CoursePageFactory()
    school = InstitutionFactory(borough=borough("Hackney"))
    certify(
        MembershipFactory(institution=school, user=UserFactory(borough="E09000012")).user,
        course,
        when=timezone.now() - timedelta(days=1),
    )
    assert tasks.snapshot_all_coverage.delay().get() == 34
    assert tasks.snapshot_all_coverage.delay().get() == 34
    snaps = CoverageSnapshot.objects.filter(campaign=campaign)
    assert snaps.count() == 34
    hackney = snaps.get(borough__name="Hackney")
    assert (hackney.institutions_covered, hackney.institutions_total, hackney.learners_completed) == (1, 1, 1)
    london = snaps.get(borough__isnull=True)
    assert (london.institutions_covered, london.institutions_total, london.learners_completed) == (1, 1, 1)


def test_demo_seed_loads_the_london_register_and_is_idempotent():
    first = seed()
    assert "5787 created" in first
    total = Institution.objects.count()
    assert Institution.objects.filter(kind="university").count() == 10
    second = seed()
    assert "0 created, 0 updated, 5787 unchanged" in second and "0 universities added" in second
    assert Institution.objects.count() == total


def test_public_figures_are_worked_out_in_the_background_and_never_older_than_five_minutes(
    django_assert_max_num_queries,
):
    CampaignFactory(name="London goal", learner_target=100_000, starts_on=date(2024, 1, 1))
    course = CoursePageFactory()
    yesterday = timezone.now() - timedelta(days=1)
    for _n in range(5):
        certify(UserFactory(), course, when=yesterday)
    # The periodic task works the figures out and keeps them...
    assert tasks.refresh_public_figures() is True
    # ...so a public page reads them ready-made: the campaign, and nothing counted.
    with django_assert_max_num_queries(1):
        assert 'number">5</span> Londoners' in render("{% campaign_progress %}")

    for _n in range(2):
        certify(UserFactory(), course, when=yesterday)
    # Until the next refresh a page shows the figures kept (at most PUBLIC_FIGURES_MAX_AGE old).
    assert 'number">5</span> Londoners' in render("{% campaign_progress %}")
    tasks.refresh_public_figures()
    assert 'number">7</span> Londoners' in render("{% campaign_progress %}")

    # Without a worker the figures are still never older than five minutes: a page works them out.
    certify(UserFactory(), course, when=yesterday)
    with time_machine.travel(timezone.now() + timedelta(minutes=5, seconds=1)):
        assert 'number">8</span> Londoners' in render("{% campaign_progress %}")
