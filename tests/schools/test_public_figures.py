"""Public figures (template tags for CMS pages), nightly snapshots and the demo seeder."""

from datetime import date, timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone

from schools import tasks
from schools.demo import seed
from schools.models import CoverageSnapshot, Institution
from schools.templatetags.campaign_tags import public_count
from tests.factories import CoursePageFactory, UserFactory

from .factories import CampaignFactory, InstitutionFactory, MembershipFactory, borough, certify

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load campaign_tags %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0, "fewer than 5"), (1, "fewer than 5"), (4, "fewer than 5"), (5, "5"), (12345, "12,345"), (None, "")],
)
def test_small_counts_are_not_shown_exactly(value, shown):
    assert public_count(value) == shown
    assert render("{{ n|fewer_than_5 }}", n=value) == shown


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
    with django_assert_max_num_queries(4):
        html = render("{% campaign_progress %}")
    assert "Progress: London goal" in html
    assert ">7<" in html and "100,000" in html
    assert "fewer than 5" in html  # one covered institution
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
