"""What learners see: the catalogue, a course, and module pages that are safe to read."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from courses.blocks import QuestionBlock
from tests.courses.builders import callout, heading, option_ids, paragraph, question, reflection, signpost
from tests.factories import CoursePageFactory, ModulePageFactory

SECRET_FEEDBACK = "FEEDBACK-ONLY-AFTER-ANSWERING"
SECRET_EXPLANATION = "EXPLANATION-ONLY-AFTER-ANSWERING"


def secret_question(prompt="Which is a helpful first step?"):
    return question(
        prompt,
        [
            ("Ask them directly", True, f"{SECRET_FEEDBACK} right"),
            ("Wait until they bring it up", False, f"{SECRET_FEEDBACK} wrong"),
        ],
        explanation=f"<p>{SECRET_EXPLANATION}</p>",
    )


@pytest.fixture
def learner_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def course_with_modules(db):
    course = CoursePageFactory(title="Suicide prevention basics")
    first = ModulePageFactory(parent=
        course,
        title="Spotting the signs",
        content_note="<p>This module talks about suicide.</p>",
        body=[
            heading("What to look for"),
            paragraph(),
            secret_question(),
            reflection(),
            signpost("Samaritans", "Shout"),
        ],
    )
    second = ModulePageFactory(parent=course, title="Asking directly", body=[paragraph()])
    assessment = ModulePageFactory(parent=
        course,
        title="Check your learning",
        is_assessment=True,
        body=[secret_question(f"Question {n}") for n in range(3)],
    )
    return course, first, second, assessment


def test_catalogue_lists_published_courses_with_audience_duration_and_summary(client, course_with_modules):
    CoursePageFactory(title="Draft course", publish=False)
    html = client.get("/courses/").content.decode()
    assert "Suicide prevention basics" in html and "Draft course" not in html
    assert "Everyone" in html and "About 20 minutes" in html and "A short course for testing." in html


def test_course_page_shows_outcomes_content_note_and_outline(client, course_with_modules):
    course, first, second, assessment = course_with_modules
    html = client.get(course.url).content.decode()
    assert "This course talks about suicide." in html
    assert "<li>Ask directly</li>" in html
    positions = [html.index(t) for t in ["Spotting the signs", "Asking directly", "Check your learning"]]
    assert positions == sorted(positions)
    assert "Assessment, about 5 minutes" in html


def test_module_page_puts_content_note_first_with_continue_and_break(learner_client, course_with_modules):
    course, first, *_ = course_with_modules
    html = learner_client.get(first.url).content.decode()
    main = html[html.index('id="main-content"') :]
    note, body = main.index("This module talks about suicide."), main.index("What to look for")
    assert note < body
    assert 'href="#module-content">Continue to the module</a>' in main
    assert f'href="{course.url}">Take a break</a>' in main


def test_module_page_marks_current_module_and_links_previous_and_next(learner_client, course_with_modules):
    course, first, second, assessment = course_with_modules
    html = learner_client.get(second.url).content.decode()
    assert f'<a href="{second.url}" aria-current="page"><strong>Asking directly</strong></a>' in html
    assert "You are here" in html
    assert f'href="{first.url}" rel="prev"' in html and f'href="{assessment.url}" rel="next"' in html
    assert "Module 2 of 3" in html


def test_module_page_keeps_crisis_help_and_a_keyboard_reachable_quick_exit(
    learner_client, course_with_modules
):
    _, first, *_ = course_with_modules
    html = learner_client.get(first.url).content.decode()
    quick_exit = re.search(r'<a class="quick-exit" href="([^"]+)"[^>]*data-quick-exit', html)
    assert quick_exit, "quick exit must be a real link, so Tab and Enter reach it"
    assert html.index("data-quick-exit") < html.index('id="main-content"')  # early in the tab order
    assert 'href="tel:116123"' in html and "Text SHOUT to 85258" in html


def test_questions_are_labelled_fieldsets_and_headings_are_in_order(learner_client, course_with_modules):
    _, first, *_ = course_with_modules
    html = learner_client.get(first.url).content.decode()
    assert '<legend class="question__prompt">Which is a helpful first step?</legend>' in html
    for input_id in re.findall(r'<input type="radio" id="([^"]+)"', html):
        assert f'<label for="{input_id}">' in html
    levels = [int(n) for n in re.findall(r"<h([1-6])", html[html.index('id="main-content"') :])]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_reflection_answer_box_is_never_sent_to_the_server(learner_client, course_with_modules):
    _, first, *_ = course_with_modules
    html = learner_client.get(first.url).content.decode()
    textarea = re.search(r"<textarea[^>]*>", html).group(0)
    assert "name=" not in textarea and "form=" not in textarea
    # and it is not inside any <form>
    before = html[: html.index(textarea)]
    assert before.count("<form") == before.count("</form>")
    assert "it is not sent to us or saved" in html


def test_answer_keys_never_reach_the_browser(learner_client, client, course_with_modules):
    course, first, second, assessment = course_with_modules
    pages = [learner_client.get(p.url) for p in (first, assessment, second, course)]
    pages.append(client.get("/courses/"))
    for response in pages:
        assert response.status_code == 200
        html = response.content.decode()
        assert SECRET_FEEDBACK not in html and SECRET_EXPLANATION not in html
        assert "is_correct" not in html and "Correct answer" not in html
    # No page API that could leak the StreamField as JSON is exposed.
    assert client.get("/api/v2/pages/").status_code == 404


def test_question_api_representation_leaves_out_the_answer_key(course_with_modules):
    _, first, *_ = course_with_modules
    child = next(c for c in first.body if c.block_type == "question")
    data = json.dumps(QuestionBlock().get_api_representation(child.value))
    assert SECRET_FEEDBACK not in data and SECRET_EXPLANATION not in data and "correct" not in data
    assert option_ids(first.body.raw_data[2])[0] in data


def test_everything_user_supplied_is_escaped(learner_client, db):
    course = CoursePageFactory(title="<script>alert(1)</script>")
    module = ModulePageFactory(
        parent=course, title="M", body=[question("<b>bold?</b>", [("<i>x</i>", True, "")])]
    )
    html = learner_client.get(module.url).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;b&gt;bold?&lt;/b&gt;" in html


def big_body(images):
    blocks = []
    for n in range(5):
        blocks += [
            heading(f"Section {n}"),
            paragraph(),
            callout(),
            signpost("Samaritans", "Shout", "NHS 111"),
            secret_question(f"Q{n}"),
            {
                "type": "image",
                "id": f"img{n}",
                "value": {
                    "image": images[n % len(images)].pk,
                    "alt_text": "A calm room",
                    "decorative": False,
                    "caption": "",
                },
            },
        ]
    return blocks  # 30 blocks


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


MODULE_PAGE_MAX_QUERIES = 20


def test_module_page_queries_do_not_grow_with_blocks_or_modules(
    learner_client, db, django_assert_max_num_queries
):
    images = [ImageFactory() for _ in range(2)]
    course = CoursePageFactory()
    small = ModulePageFactory(parent=course, title="Small", body=big_body(images)[:6])
    large = ModulePageFactory(parent=course, title="Large", body=big_body(images))
    assert len(large.body) == 30
    learner_client.get(small.url)  # first render creates image renditions; measure warm pages
    learner_client.get(large.url)
    small_count = count_queries(learner_client, small.url)
    large_count = count_queries(learner_client, large.url)
    for n in range(10):
        ModulePageFactory(parent=course, title=f"Extra {n}", body=[paragraph()])
    learner_client.get(large.url)  # the changed course is read again once, then cached
    more_modules_count = count_queries(learner_client, large.url)
    print(
        f"module page queries: 6 blocks={small_count}, 30 blocks={large_count}, "
        f"30 blocks and 12 modules={more_modules_count}"
    )
    assert small_count == large_count == more_modules_count
    with django_assert_max_num_queries(MODULE_PAGE_MAX_QUERIES):
        learner_client.get(large.url)


def test_catalogue_and_course_page_queries_do_not_grow_with_courses_or_modules(client, db):
    course = CoursePageFactory(title="First")
    ModulePageFactory(parent=course, title="One", body=[paragraph()])
    client.get("/courses/")  # warm the site root cache, as on any running site
    catalogue_before = count_queries(client, "/courses/")
    course_before = count_queries(client, course.url)
    for n in range(6):
        extra = CoursePageFactory(title=f"Course {n}")
        ModulePageFactory(parent=extra, title="Only", body=[paragraph()])
        ModulePageFactory(parent=course, title=f"Module {n}", body=[paragraph()])
    catalogue_after = count_queries(client, "/courses/")
    course_after = count_queries(client, course.url)
    print(
        f"catalogue queries: 1 course={catalogue_before}, 7 courses={catalogue_after}; "
        f"course page queries: 1 module={course_before}, 7 modules={course_after}"
    )
    assert catalogue_before == catalogue_after
    assert course_before == course_after
