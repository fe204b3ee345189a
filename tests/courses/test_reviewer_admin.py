"""What a reviewer meets: a comparison that never says "no differences" because of an identical
resubmission, lesson blocks compared readably, which course a module belongs to, review before
"Publish", an email that says "changes requested" with a link on the public address, and the
trainer seeing the comment as the reviewer's."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from wagtail.models import Site, WorkflowState
from wagtail.test.utils.form_data import rich_text

from cms.sites import public_address
from courses.models import ModulePage
from tests.courses.admin_forms import listblock, module_form
from tests.factories import CoursePageFactory, ModulePageFactory


@pytest.fixture
def module(db):
    course = CoursePageFactory(title="Suicide prevention basics")
    return ModulePageFactory(parent=course, title="Listening well")


def edit(client, module, text, action=None, blocks=None):
    data = module_form(
        title=module.title, slug=module.slug, action=action,
        blocks=blocks or [("paragraph", rich_text(f"<p>{text}</p>"))],
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=(module.pk,)), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def in_progress(module):
    return WorkflowState.objects.get(
        object_id=str(module.pk), status__in=[WorkflowState.STATUS_IN_PROGRESS]
    )


def request_changes(client, reviewer, module, comment):
    client.force_login(reviewer)
    state = in_progress(module)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(module.pk, "reject", state.current_task_state.pk)
    )
    assert client.post(url, {"comment": comment}).status_code in (200, 302)


def test_compare_skips_identical_revisions_and_starts_from_what_the_reviewer_saw(
    client, trainer, reviewer, module
):
    client.force_login(trainer)
    edit(client, module, "First version.", action="action-submit")
    request_changes(client, reviewer, module, "Please add where to find support.")
    client.force_login(trainer)
    edit(client, module, "Second version with support.", action="action-submit")
    previous = module.revisions.order_by("-pk")[0]
    # An identical revision in the same second (a double click, an autosave).
    latest = previous.as_object().save_revision(user=trainer)
    assert latest.pk != previous.pk
    client.force_login(reviewer)
    url = reverse("wagtailadmin_pages:revisions_compare", args=(module.pk, previous.pk, latest.pk))
    response = client.get(url, follow=True)
    html = response.content.decode()
    assert "There are no differences between these two versions" not in html
    assert "support" in html and "First" in html  # the reviewer's version against the new one
    assert "the version you last reviewed" in html


def test_lesson_blocks_compare_readably(client, trainer, reviewer, module):
    def question(correct):
        return {
            "prompt": "Is asking directly safe?",
            "kind": "single",
            "options": listblock([
                {"text": "Yes", "is_correct": "on" if correct == "Yes" else "", "feedback": ""},
                {"text": "No", "is_correct": "on" if correct == "No" else "", "feedback": ""},
            ]),
            "explanation": rich_text(""),
        }

    client.force_login(trainer)
    edit(client, module, "", blocks=[("question", question("No"))])
    first = module.revisions.order_by("-pk")[0]
    # The same question, its answer key changed (option ids as the editor would keep them).
    stored = first.content["body"]
    stored = stored if isinstance(stored, list) else __import__("json").loads(stored)
    for option in stored[0]["value"]["options"]:
        option["value"]["is_correct"] = option["value"]["text"] == "Yes"
    page = ModulePage.objects.get(pk=module.pk)
    page.body = stored
    second = page.save_revision(user=trainer)
    client.force_login(reviewer)
    html = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=(module.pk, first.pk, second.pk))
    ).content.decode()
    assert "Question" in html  # the block is named
    assert "Correct answer" in html
    assert "True" not in html and "False" not in html
    assert "Yes" in html and "No" in html


def test_review_rows_name_the_course_and_the_editor_names_the_reviewer(
    client, trainer, reviewer, module
):
    client.force_login(trainer)
    edit(client, module, "Give them time.", action="action-submit")
    client.force_login(reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Listening well (course: Suicide prevention basics)" in dashboard
    request_changes(client, reviewer, module, "Say where support is.")
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(module.pk,))).content.decode()
    assert "Rita Reviewer (reviewer) asked for changes" in html
    assert "Say where support is." in html


def test_changes_requested_email_matches_the_screen_and_links_to_the_public_address(
    client, trainer, reviewer, module
):
    client.force_login(trainer)
    edit(client, module, "Give them time.", action="action-submit")
    mail.outbox.clear()
    request_changes(client, reviewer, module, "Say where support is.")
    to_trainer = [m for m in mail.outbox if trainer.email in m.to]
    assert to_trainer, [m.subject for m in mail.outbox]
    message = to_trainer[0]
    assert message.subject.startswith("Changes requested")
    assert "rejected" not in (message.subject + message.body).lower()
    assert "Rita Reviewer's comment" in message.body and "Say where support is." in message.body
    assert "Course: Suicide prevention basics" in message.body
    assert f"{settings.SITE_URL}/admin/pages/{module.pk}/edit/" in message.body


@pytest.mark.django_db
def test_the_site_is_on_the_configured_public_address():
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == public_address()
    assert site.hostname != "localhost" or "localhost" in settings.SITE_URL
