"""Trainers write and submit; reviewers publish; learners read what was published."""

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text

from courses.models import CourseIndexPage, ModulePage
from tests.courses.admin_forms import course_form, module_form, question_value
from tests.courses.builders import paragraph, question
from tests.factories import CoursePageFactory, ModulePageFactory, UserFactory, give_totp


@pytest.mark.django_db
def test_migration_creates_catalogue_groups_and_review_workflow():
    index = CourseIndexPage.objects.get()
    assert index.slug == "courses" and index.live
    assert index.get_parent().specific_class.__name__ == "HomePage"
    workflow = index.get_workflow()
    assert workflow.name == "Course review"
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Reviewers"]


def test_trainer_creates_and_submits_a_module_but_cannot_publish_and_a_reviewer_publishes_it(
    client, trainer, reviewer, user
):
    course = CoursePageFactory(title="Suicide prevention basics")
    client.force_login(trainer)
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk))
    assert client.get(add_url).status_code == 200

    # The trainer asks to publish: without permission, Wagtail saves a draft and publishes nothing.
    response = client.post(add_url, module_form(title="Listening well", action="action-publish"))
    assert response.status_code == 302
    module = ModulePage.objects.get(title="Listening well")
    assert not module.live

    # Then submits it for review.
    edit_url = reverse("wagtailadmin_pages:edit", args=(module.pk,))
    data = module_form(
        title="Listening well",
        blocks=[("paragraph", rich_text("<p>Give them time.</p>"))],
        action="action-submit",
    )
    assert client.post(edit_url, data).status_code == 302
    state = WorkflowState.objects.get(object_id=str(module.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Course review"
    module.refresh_from_db()
    assert not module.live

    # A learner cannot see it yet.
    client.force_login(user)
    assert client.get("/courses/suicide-prevention-basics/listening-well/").status_code == 404

    # The trainer cannot approve their own submission.
    client.force_login(trainer)
    task_state = state.current_task_state
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=(module.pk, "approve", task_state.pk))
    assert client.post(approve_url, {"comment": ""}).status_code in (302, 403)  # refused
    module.refresh_from_db()
    assert not module.live

    # A reviewer approves, which publishes it.
    client.force_login(reviewer)
    response = client.post(approve_url, {"comment": "Reads well."})
    assert response.status_code in (200, 302)
    module.refresh_from_db()
    assert module.live
    assert PageLogEntry.objects.filter(page=module, action="wagtail.publish").exists()
    assert module.revisions.count() >= 2

    # Anyone sees it in the course outline, and the learner reads it.
    client.logout()
    assert "Listening well" in client.get(course.url).content.decode()
    client.force_login(user)
    html = client.get(module.url).content.decode()
    assert "Give them time." in html


def test_trainer_cannot_edit_pages_outside_the_catalogue(client, trainer):
    client.force_login(trainer)
    home = Page.objects.get(depth=2)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(home.pk,))).status_code in (302, 403)


def test_trainer_can_create_a_course(client, trainer):
    client.force_login(trainer)
    index = CourseIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=("courses", "coursepage", index.pk))
    assert client.post(url, course_form()).status_code == 302


def preview(client, page, data):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    assert client.post(url, data).json()["is_valid"] is True
    return client.get(url)


@pytest.mark.django_db
def test_preview_works_for_every_page_type(admin_client):
    index = CourseIndexPage.objects.get()
    course = CoursePageFactory(title="A course")
    module = ModulePageFactory(parent=course, title="Draft module", publish=False, body=[paragraph()])
    assessment = ModulePageFactory(parent=
        course, title="Final", is_assessment=True, body=[question("Q?", [("A", True, "SECRET-FEEDBACK")])]
    )

    response = preview(
        admin_client,
        index,
        nested_form_data({"title": "Courses", "slug": "courses", "intro": rich_text("<p>Free courses.</p>")}),
    )
    assert response.status_code == 200 and "A course" in response.content.decode()

    response = preview(admin_client, course, course_form(title="A course (edited)", slug=course.slug))
    assert response.status_code == 200 and "A course (edited)" in response.content.decode()

    response = preview(admin_client, module, module_form(title="Draft module", slug=module.slug))
    html = response.content.decode()
    assert response.status_code == 200 and "People often show they are struggling." in html
    assert "You are here" in html  # a draft module is still placed in its course outline

    response = preview(
        admin_client,
        assessment,
        module_form(
            title="Final", slug=assessment.slug, is_assessment=True, blocks=[("question", question_value())]
        ),
    )
    assert response.status_code == 200 and "Is it safe to ask directly?" in response.content.decode()
    assert "About Yes" not in response.content.decode()  # feedback stays hidden in preview too


def test_trainers_can_choose_helplines_and_images_for_their_modules(client, trainer):
    client.force_login(trainer)
    helplines = client.get(reverse("wagtailsnippetchoosers_cms_helpline:choose"))
    assert helplines.status_code == 200 and "Samaritans" in helplines.content.decode()
    assert client.get(reverse("wagtailimages_chooser:choose")).status_code == 200


def test_outsiders_without_a_group_cannot_reach_the_course_editor(client, db):
    outsider = UserFactory(is_staff=True)
    give_totp(outsider)
    client.force_login(outsider)
    course = CoursePageFactory()
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk))
    assert client.get(add_url).status_code in (302, 403)
    assert not ModulePage.objects.exists()
