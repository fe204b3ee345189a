"""Shared page fragments (cms.fragments): the parts of a learner page that are the same for every
learner are rendered once and reused, and every learner still sees only their own progress,
results, CSRF token, header links and messages; previews and drafts are never kept or shown."""

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from cms import fragments, serving
from schools.models import Membership
from tests.courses.builders import paragraph
from tests.courses.progress_helpers import build_course
from tests.factories import CoursePageFactory, ModulePageFactory, UserFactory
from tests.schools.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    page = CoursePageFactory(title="Talking about suicide")
    modules = [
        ModulePageFactory(parent=page, title=f"Lesson {n}", body=[paragraph(f"<p>Lesson {n} text.</p>")])
        for n in range(1, 4)
    ]
    return page, modules


def signed_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


def outline_states(html):
    """The outline's state marks in order, e.g. ["Complete", "Not started"]."""
    outline = html.split('class="outline"', 1)[1].split("</ol>", 1)[0]
    return re.findall(r'class="outline__state[^"]*">([^<]+)<', outline)


def test_two_learners_on_the_same_pages_each_see_their_own_progress(course):
    page, modules = course
    ahead, new = signed_in(UserFactory()), signed_in(UserFactory())
    ahead.post(reverse("courses:enrollment_start", args=[page.pk]))
    ahead.post(reverse("courses:module_complete", args=[page.pk, modules[0].pk]))

    for _ in range(2):  # the second round is served from the kept fragments
        mine = ahead.get(modules[1].url).content.decode()
        theirs = new.get(modules[1].url).content.decode()
        assert "Lesson 2 text." in mine and "Lesson 2 text." in theirs
        assert outline_states(mine) == ["Complete", "Not started"]
        assert "1 of 3 modules complete" in mine
        assert outline_states(theirs) == [] and "modules complete" not in theirs
        course_mine = ahead.get(page.url).content.decode()
        course_theirs = new.get(page.url).content.decode()
        assert "Continue<span" in course_mine and "Start the course" not in course_mine
        assert "Start the course" in course_theirs and "Continue<span" not in course_theirs


def test_every_learner_gets_a_csrf_token_that_works_for_them(course):
    page, modules = course
    first, second = UserFactory(), UserFactory()
    tokens = []
    for user in (first, second):
        client = signed_in(user, enforce_csrf_checks=True)
        client.get(page.url)  # the fragments are kept by now, for the second learner
        html = client.get(page.url).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        tokens.append(token)
        response = client.post(
            reverse("courses:enrollment_start", args=[page.pk]), {"csrfmiddlewaretoken": token}
        )
        assert response.status_code == 302
    assert tokens[0] != tokens[1]


def test_the_header_link_to_the_staff_dashboard_is_only_a_leads(course, lead, school):
    page, modules = course
    user = UserFactory()
    learner = signed_in(user)
    dashboard = reverse("schools:dashboard", args=[school.pk])
    for _ in range(2):
        assert f'href="{dashboard}"' in signed_in(lead).get(modules[0].url).content.decode()
        assert "Your staff&#x27;s training" not in learner.get(modules[0].url).content.decode()
    MembershipFactory(institution=school, user=user, role=Membership.Role.LEAD)
    assert f'href="{dashboard}"' in learner.get(modules[0].url).content.decode()


def test_a_learners_message_is_shown_to_them_alone(course):
    page, modules = course
    ahead, other = signed_in(UserFactory()), signed_in(UserFactory())
    other.get(modules[1].url)
    ahead.post(reverse("courses:enrollment_start", args=[page.pk]))
    response = ahead.post(
        reverse("courses:module_complete", args=[page.pk, modules[0].pk]), follow=True
    )
    assert "“Lesson 1” is marked as complete." in response.content.decode()
    assert "marked as complete" not in other.get(modules[1].url).content.decode()


def test_knowledge_check_results_are_each_learners_own():
    course = build_course(required=1, optional=False, assessment=True, questions=2, pass_mark=50)
    url = reverse("courses:quiz_submit", args=[course.page.pk, course.assessment.pk])
    taker, other = signed_in(UserFactory()), signed_in(UserFactory())
    other.get(course.assessment.url)
    taker.post(reverse("courses:module_complete", args=[course.page.pk, course.modules[0].pk]))
    result_url = taker.post(url, course.post_data(right=2, attempt=1))["Location"]
    assert "You passed" in taker.get(result_url).content.decode()
    html = other.get(course.assessment.url).content.decode()
    assert "You passed" not in html and "Question 1: which is the most helpful response?" in html


def test_a_published_change_is_rendered_afresh(course):
    page, modules = course
    learner = signed_in(UserFactory())
    assert "Lesson 2" in learner.get(modules[1].url).content.decode()
    module = modules[1].specific
    module.title = "Asking directly"
    module.save_revision().publish()
    html = learner.get(modules[1].url).content.decode()
    assert '<h1 id="module-title">Asking directly</h1>' in html
    assert "Asking directly" in learner.get(page.url).content.decode()  # the course outline too


def test_a_preview_is_neither_kept_nor_shown_to_learners(course, admin_client):
    from tests.courses.test_workflow import module_form, preview

    page, modules = course
    learner = signed_in(UserFactory())
    learner.get(modules[0].url)
    response = preview(admin_client, modules[0], module_form(title="Draft title", slug=modules[0].slug))
    assert "Draft title" in response.content.decode()
    html = learner.get(modules[0].url).content.decode()
    assert "Draft title" not in html and '<h1 id="module-title">Lesson 1</h1>' in html


# The tags themselves.


_compiled = {}


def render(source, request, **context):
    """`source` rendered by one compiled template per source, as the cached template loader keeps
    them (a template parsed again starts with nothing kept)."""
    if source not in _compiled:
        _compiled[source] = Template("{% load cms_tags %}" + source)
    return _compiled[source].render(Context({"request": request, **context}))


def test_per_visitor_parts_get_the_loop_values_they_were_kept_with():
    source = (
        "{% shared_fragment 'list' %}{% for n in numbers %}[{{ n }}:"
        "{% per_visitor n=n %}{{ who }}{{ n }}{% end_per_visitor %}]{% endfor %}{% end_shared_fragment %}"
    )
    request = RequestFactory().get("/")
    assert render(source, request, numbers=[1, 2], who="a") == "[1:a1][2:a2]"
    # Kept: the shared text stays as first rendered; only the per-visitor parts are new.
    assert render(source, request, numbers=[7], who="b") == "[1:b1][2:b2]"
    serving.bump_pages_version()
    assert render(source, request, numbers=[7], who="b") == "[7:b7]"


def test_each_language_has_its_own_fragment():
    source = (
        "{% load i18n %}{% shared_fragment 'outline' %}{% translate 'Course outline' %}"
        "{% end_shared_fragment %}"
    )
    request = RequestFactory().get("/")
    assert render(source, request) == "Course outline"
    with translation.override("pl"):
        assert render(source, request) == "Plan kursu"
    assert render(source, request) == "Course outline"


def test_a_conditional_per_visitor_part_is_shared_where_its_condition_does_not_hold():
    source = (
        "{% shared_fragment kind %}{% per_visitor if personal %}{{ who }}{% end_per_visitor %}"
        "{% end_shared_fragment %}"
    )
    request = RequestFactory().get("/")
    assert render(source, request, kind="quiz", personal=True, who="a") == "a"
    assert render(source, request, kind="quiz", personal=True, who="b") == "b"
    assert render(source, request, kind="lesson", personal=False, who="a") == "a"
    assert render(source, request, kind="lesson", personal=False, who="b") == "a"


def test_fragments_are_rendered_in_full_for_previews_and_posts():
    source = "{% shared_fragment 'x' %}{{ text }}{% end_shared_fragment %}"
    get = RequestFactory().get("/")
    assert render(source, get, text="live") == "live"
    preview = RequestFactory().get("/")
    preview.is_preview = True
    assert render(source, preview, text="draft") == "draft"
    assert render(source, RequestFactory().post("/"), text="posted") == "posted"
    assert render(source, get, text="other") == "live"


def test_the_kept_text_never_holds_a_per_visitor_part():
    source = (
        "{% shared_fragment 'y' %}<p>{% per_visitor %}{{ secret }}{% end_per_visitor %}</p>"
        "{% end_shared_fragment %}"
    )
    request = RequestFactory().get("/")
    assert render(source, request, secret="first learner") == "<p>first learner</p>"
    kept = [repr(parts) for _expires, parts in fragments._memory._items.values()]
    assert kept and all("first learner" not in parts for parts in kept)
    assert render(source, request, secret="second learner") == "<p>second learner</p>"


def test_a_csrf_token_outside_a_per_visitor_part_is_refused():
    request = RequestFactory().get("/")
    source = "{% shared_fragment 'form' %}<form>{% csrf_token %}</form>{% end_shared_fragment %}"
    with pytest.raises(TemplateSyntaxError, match="per_visitor"):
        render(source, request, csrf_token="token-of-one-visitor")
    inside = (
        "{% shared_fragment 'form' %}<form>{% per_visitor %}{% csrf_token %}{% end_per_visitor %}"
        "</form>{% end_shared_fragment %}"
    )
    assert "token-of-one-visitor" in render(inside, request, csrf_token="token-of-one-visitor")
    assert "token-of-another" in render(inside, request, csrf_token="token-of-another")


def test_mistakes_in_the_tags_are_named():
    with pytest.raises(TemplateSyntaxError, match="needs the values"):
        Template("{% load cms_tags %}{% shared_fragment %}{% end_shared_fragment %}")
    with pytest.raises(TemplateSyntaxError, match="name=value"):
        Template("{% load cms_tags %}{% per_visitor item %}{% end_per_visitor %}")
