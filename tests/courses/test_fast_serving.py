"""Module and course pages served from indexed lookups and shared caches (cms.serving,
courses.serving, the module body cache): a fixed, small number of queries for a warm page, and
every change a trainer makes (publish, unpublish, move, privacy) shows at once; the pages still
work with Redis down."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from courses.models import ModulePage
from tests.courses.builders import paragraph
from tests.factories import CoursePageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db

# A warm module page for a signed-in learner: session, user and the learner's progress (the
# enrollment joined with their completed modules), plus at most the first visit's UPDATE and an
# assessment's paper; Site, route, outline and body come from the cache.
WARM_MODULE_PAGE_QUERIES = 8


@pytest.fixture
def course():
    course = CoursePageFactory(title="Talking about suicide")
    modules = [
        ModulePageFactory(
            parent=course, title=f"Lesson {n}",
            body=[paragraph(f"<p>Lesson {n}, paragraph {p}.</p>") for p in range(1, 31)],
        )
        for n in range(1, 5)
    ]
    return course, modules


@pytest.fixture
def learner(client, user):
    client.force_login(user)
    return client


def test_warm_module_page_stays_within_its_query_budget_and_shows_the_lesson(
    learner, course, django_assert_max_num_queries
):
    page, modules = course
    learner.post(reverse("courses:enrollment_start", args=[page.pk]))
    learner.post(reverse("courses:module_complete", args=[page.pk, modules[0].pk]))
    learner.get(modules[1].url)  # the first visit records the last module visited
    with django_assert_max_num_queries(WARM_MODULE_PAGE_QUERIES):
        response = learner.get(modules[1].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lesson 2, paragraph 1." in html and "Lesson 2, paragraph 30." in html
    assert "1 of 4 modules complete" in html  # the learner's own progress, not a cached one
    assert f'href="{modules[2].url}"' in html  # the outline and the next module


def test_course_page_and_my_learning_stay_within_the_same_budget(
    learner, course, django_assert_max_num_queries
):
    page, modules = course
    learner.post(reverse("courses:enrollment_start", args=[page.pk]))
    for url in (page.url, reverse("courses:my_learning")):
        learner.get(url)
        with django_assert_max_num_queries(WARM_MODULE_PAGE_QUERIES):
            assert learner.get(url).status_code == 200


def test_a_published_change_shows_at_once(learner, course):
    page, modules = course
    assert "Lesson 2, paragraph 1." in learner.get(modules[1].url).content.decode()
    module = ModulePage.objects.get(pk=modules[1].pk)
    module.body = [paragraph("<p>Rewritten by a trainer.</p>")]
    module.title = "Asking directly"
    module.save_revision().publish()
    html = learner.get(modules[1].url).content.decode()
    assert "Rewritten by a trainer." in html and "Lesson 2, paragraph 1." not in html
    assert "Asking directly" in learner.get(modules[0].url).content.decode()  # in the outline


def test_a_draft_change_is_not_shown_until_published(learner, course):
    page, modules = course
    learner.get(modules[1].url)
    module = ModulePage.objects.get(pk=modules[1].pk)
    module.body = [paragraph("<p>Not reviewed yet.</p>")]
    module.save_revision()
    html = learner.get(modules[1].url).content.decode()
    assert "Not reviewed yet." not in html and "Lesson 2, paragraph 1." in html


def test_an_unpublished_module_is_gone_at_once(learner, client, course):
    page, modules = course
    assert learner.get(modules[1].url).status_code == 200
    ModulePage.objects.get(pk=modules[1].pk).unpublish()
    assert learner.get(modules[1].url).status_code == 404
    assert f'href="{modules[1].url}"' not in learner.get(modules[0].url).content.decode()


def test_a_moved_module_changes_its_place_in_the_outline(learner, course):
    page, modules = course
    html = learner.get(modules[0].url).content.decode()
    assert html.index("Lesson 2") < html.index("Lesson 4")
    ModulePage.objects.get(pk=modules[3].pk).move(ModulePage.objects.get(pk=modules[1].pk), "left")
    html = learner.get(modules[0].url).content.decode()
    assert html.index("Lesson 4") < html.index("Lesson 2")


def test_a_view_restriction_added_later_applies_at_once(client, learner, course):
    page, modules = course
    assert learner.get(modules[1].url).status_code == 200
    assert client.get(page.url).status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD,
                                       password="staff-only")
    response = learner.get(modules[1].url)
    assert response.status_code == 200 and "Lesson 2, paragraph 1." not in response.content.decode()
    assert "password" in response.content.decode().lower()
    PageViewRestriction.objects.all().delete()
    assert "Lesson 2, paragraph 1." in learner.get(modules[1].url).content.decode()


def test_a_changed_site_hostname_applies_at_once(settings, learner, course):
    page, modules = course
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "training.example.org"]
    assert learner.get(modules[1].url).status_code == 200  # the site of "testserver" is now cached
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.is_default_site = "training.example.org", False
    site.save()
    assert learner.get(modules[1].url).status_code == 404
    assert learner.get(modules[1].url, HTTP_HOST="training.example.org").status_code == 200


def test_pages_are_served_with_redis_down(settings, learner, course):
    page, modules = course
    from lms import cache as resilient

    resilient._circuits.clear()
    settings.CACHES = {"default": {"BACKEND": "lms.cache.ResilientRedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}
    try:
        for url in (modules[1].url, modules[1].url, page.url, reverse("courses:my_learning")):
            response = learner.get(url)
            assert response.status_code == 200
        assert "Lesson 2, paragraph 30." in learner.get(modules[1].url).content.decode()
    finally:
        resilient._circuits.clear()
