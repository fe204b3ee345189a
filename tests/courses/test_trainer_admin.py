"""What a trainer meets in the page editor on day one: module order that follows the course and
goes through review, safe-messaging guidance and its check, block previews, one alt text, clearer
fields, and warnings about who a change affects."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from courses.blocks import ModuleStreamBlock, QuestionBlock
from courses.guidance import text_concerns
from courses.models import Enrollment, ModulePage
from tests.courses.admin_forms import module_form, question_value
from tests.courses.builders import question
from tests.factories import CoursePageFactory, ModulePageFactory, UserFactory


def assessment_question():
    return question("Is asking directly safe?", [("Yes", True, ""), ("No", False, "")])


@pytest.fixture
def course(db):
    course = CoursePageFactory(title="Suicide prevention basics")
    for title in ("Noticing", "Asking"):
        ModulePageFactory(parent=course, title=title)
    ModulePageFactory(parent=course, title="Assessment", is_assessment=True,
                      body=[assessment_question()])
    return course


def titles_in_order(course):
    return list(
        Page.objects.child_of(course).order_by("path").values_list("title", flat=True)
    )


def test_a_new_module_lands_before_the_assessment(client, trainer, course):
    client.force_login(trainer)
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk))
    assert client.post(add_url, module_form(title="Helping")).status_code == 302
    assert titles_in_order(course) == ["Noticing", "Asking", "Helping", "Assessment"]


def test_a_new_module_can_ask_for_its_place(client, trainer, course):
    client.force_login(trainer)
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk))
    data = module_form(title="Welcome")
    data["position"] = "1"
    assert client.post(add_url, data).status_code == 302
    assert titles_in_order(course) == ["Welcome", "Noticing", "Asking", "Assessment"]


def test_a_module_moves_only_when_the_reviewed_change_is_published(client, trainer, reviewer, course):
    asking = ModulePage.objects.get(title="Asking")
    client.force_login(trainer)
    edit_url = reverse("wagtailadmin_pages:edit", args=(asking.pk,))
    page = client.get(edit_url).content.decode()
    # The form shows where the module is now.
    assert re.search(r'name="position"[^>]*value="2"', page)
    data = module_form(title="Asking", slug=asking.slug, action="action-submit")
    data["position"] = "1"
    assert client.post(edit_url, data).status_code == 302
    assert titles_in_order(course) == ["Noticing", "Asking", "Assessment"]  # in review: no move

    state = WorkflowState.objects.get(object_id=str(asking.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    client.force_login(reviewer)
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(asking.pk, "approve", state.current_task_state.pk)
    )
    client.post(approve_url, {"comment": ""})
    assert titles_in_order(course) == ["Asking", "Noticing", "Assessment"]
    asking.refresh_from_db()
    assert asking.position is None  # applied once; a later reorder is not undone by it
    # The learner's outline follows.
    learner = UserFactory()
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert html.index("Asking") < html.index("Noticing")


def test_course_listing_is_in_course_order_and_only_reorderers_get_drag_handles(
    client, trainer, reviewer, course
):
    explore = reverse("wagtailadmin_explore", args=(course.pk,))
    noticing = ModulePage.objects.get(title="Noticing")
    noticing.save_revision()  # "Updated" order would now put it first
    client.force_login(trainer)
    html = client.get(explore).content.decode()
    rows = [html.index(f'href="/admin/pages/{pk}/edit/"')
            for pk in Page.objects.child_of(course).order_by("path").values_list("pk", flat=True)]
    assert rows == sorted(rows)
    assert "data-w-orderable-url-value" not in html  # no handle that would fail
    client.force_login(reviewer)
    html = client.get(explore).content.decode()
    assert "data-w-orderable-url-value" in html


def test_guidance_panel_and_block_help_where_trainers_write(client, trainer, course):
    client.force_login(trainer)
    for url in (
        reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk)),
        reverse("wagtailadmin_pages:edit", args=(course.pk,)),
    ):
        html = client.get(url).content.decode()
        assert "Writing safely about suicide" in html
        assert "Content notes:" in html and "Signposting:" in html
    block = ModuleStreamBlock()
    assert "committed suicide" in str(block.child_blocks["paragraph"].field.help_text)
    assert "method" in str(block.child_blocks["callout"].child_blocks["text"].field.help_text)
    assert "take a break" in str(ModulePage._meta.get_field("content_note").help_text)


def test_safe_messaging_check_warns_with_the_phrase_and_why_but_never_blocks(client, trainer, course):
    client.force_login(trainer)
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk))
    blocks = [("paragraph", "<p>Her brother committed suicide last year.</p>")]
    from wagtail.test.utils.form_data import rich_text

    data = module_form(title="A story", blocks=[("paragraph", rich_text(blocks[0][1]))],
                       action="action-submit")
    response = client.post(add_url, data, follow=True)
    assert response.status_code == 200
    module = ModulePage.objects.get(title="A story")
    assert module.current_workflow_state is not None  # submitted all the same
    shown = [str(m) for m in response.context["messages"]]
    assert any("committed suicide" in m and "died by suicide" in m for m in shown), shown
    # Opening the editor again shows the same check before the next submission.
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(module.pk,))).content.decode()
    assert "Safe-messaging check" in html


def test_phrase_check_categories():
    assert [c.phrase for c in text_concerns("He Committed  Suicide.")] == ["Committed Suicide"]
    assert text_concerns("a failed attempt")
    assert text_concerns("she took an overdose")
    assert text_concerns("a suicide epidemic")
    assert not text_concerns("She died by suicide. Talk to someone you trust; hanging out helps.")


def test_module_fields_are_labelled_plainly_and_seo_fields_are_hidden(client, trainer, course):
    client.force_login(trainer)
    html = client.get(
        reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk))
    ).content.decode()
    assert "Learners must complete this module" in html
    assert "This module is the course assessment" in html
    assert "Position in course" in html
    assert 'name="seo_title"' not in html and 'name="show_in_menus"' not in html
    assert 'name="slug"' in html
    # Required fields carry Wagtail's marker.
    assert re.search(r'for="id_title"[^>]*>[^<]*<span class="w-required-mark"', html) or (
        "w-required-mark" in html
    )


def test_a_new_question_starts_with_two_options():
    assert len(QuestionBlock().get_default()["options"]) == 2


def test_every_lesson_block_has_a_preview_in_the_block_picker(client, trainer):
    client.force_login(trainer)
    for name, block in ModuleStreamBlock().child_blocks.items():
        assert block.is_previewable, name
        assert str(block.get_description()), name
        response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
        assert response.status_code == 200, name
        assert "css/site" in response.content.decode(), name  # learners' styles


def test_requiring_a_module_after_learners_started_says_how_many_it_affects(client, trainer, course):
    extra = ModulePageFactory(parent=course, title="Further reading", is_required=False)
    for _ in range(3):
        Enrollment.objects.create(user=UserFactory(), course=course)
    client.force_login(trainer)
    edit_url = reverse("wagtailadmin_pages:edit", args=(extra.pk,))
    assert "changes the progress of 3 learners" in client.get(edit_url).content.decode()
    response = client.post(edit_url, module_form(title="Further reading", slug=extra.slug), follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert any("3 learners" in m for m in shown), shown


def test_reviewers_see_review_actions_before_the_plain_publish(client, reviewer, course):
    client.force_login(reviewer)
    module = ModulePage.objects.get(title="Asking")
    html = client.get(reverse("wagtailadmin_pages:edit", args=(module.pk,))).content.decode()
    assert html.index('name="action-submit"') < html.index('name="action-publish"')


def test_admin_pages_load_no_outside_avatar_service(client, trainer, course):
    client.force_login(trainer)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore", args=(course.pk,)),
                reverse("wagtailadmin_pages:edit", args=(course.pk,))):
        html = client.get(url).content.decode().lower()
        assert "gravatar" not in html
        assert not re.search(r'<img[^>]+src="https?://', html)


def test_question_value_helper_still_posts():  # the shared form helper has two options too
    assert question_value()["options"]["count"] == 2


def test_the_explorer_names_each_modules_course_without_a_query_per_module(admin_client, course):
    # Signed in as a superuser: for other staff Wagtail itself checks each row's move and delete
    # permissions with queries of its own. wagtail-localize's "Translate" button still costs 2 queries
    # a row (whether other locales exist, and the row's translation key); naming the course cost 3
    # more a row before the explorer passed it in.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    explore = reverse("wagtailadmin_explore", args=(course.pk,))
    admin_client.get(explore)  # warm: session, permissions, site
    with CaptureQueriesContext(connection) as few:
        html = admin_client.get(explore).content.decode()
    assert f"Noticing (course: {course.title})" in html
    for n in range(6):
        ModulePageFactory(parent=course, title=f"Extra {n}")
    with CaptureQueriesContext(connection) as many:
        html = admin_client.get(explore).content.decode()
    assert f"Extra 5 (course: {course.title})" in html
    assert len(many) - len(few) <= 2 * 6
