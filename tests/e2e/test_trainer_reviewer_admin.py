"""The trainer's and reviewer's day one in the browser: a trainer moves a module as part of a
change that goes through review (no drag handle that would fail), the reviewer approves and the
course order changes; the reviewer's comparison names each block and shows which options are
correct; axe finds no WCAG A/AA problem in the platform's own parts of those admin pages."""

import re

import pytest

from courses.models import ModulePage
from tests.e2e.conftest import AXE_JS, WCAG_TAGS
from tests.e2e.test_trainer_journey import admin_sign_in, staff_member
from tests.factories import CoursePageFactory, ModulePageFactory
from tests.requirements import require

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def question(correct):
    from tests.courses.builders import question as raw_question

    return raw_question(
        "Is asking directly about suicide safe?",
        [
            ("Yes, it shows you care", correct == "yes", ""),
            ("No, it gives people ideas", correct == "no", ""),
        ],
    )


def axe_in(page, selector):
    """axe-core on one part of an admin page: what this platform adds (Wagtail's own markup is
    Wagtail's to keep accessible)."""
    require("axe-core")
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "([selector, tags]) => axe.run(selector, {runOnly: {type: 'tag', values: tags}})",
        [selector, WCAG_TAGS],
    )
    return [f"{v['id']}: {v['help']}" for v in result["violations"]]


def submit_for_review(page):
    page.locator("button[data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Submit to Course review")).click()


def approve(page, live_server, module):
    page.goto(f"{live_server.url}/admin/pages/{module.pk}/edit/")
    page.locator("button[data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^Approve and Publish")).click()


def test_trainer_moves_a_module_through_review(page, live_server, e2e_settings):
    course = CoursePageFactory(title="Noticing and asking")
    from tests.courses.builders import paragraph

    for title in ("Noticing the signs", "Asking directly"):
        ModulePageFactory(parent=course, title=title, body=[paragraph()])
    ModulePageFactory(parent=course, title="Course assessment", is_assessment=True, body=[question("yes")])
    trainer, trainer_secret = staff_member("Trainers")
    reviewer, reviewer_secret = staff_member("Reviewers")

    admin_sign_in(page, live_server, trainer, trainer_secret)
    page.goto(f"{live_server.url}/admin/pages/{course.pk}/")
    rows = " ".join(page.locator("tbody tr").all_inner_texts())
    assert rows.index("Noticing the signs") < rows.index("Asking directly") < rows.index("Course assessment")
    assert page.locator("[data-w-orderable-target='item']").count() == 0  # no handle that fails

    module = ModulePage.objects.get(title="Asking directly")
    page.goto(f"{live_server.url}/admin/pages/{module.pk}/edit/")
    assert page.get_by_role("heading", name="Writing safely about suicide").is_visible()
    assert axe_in(page, ".safe-messaging-guidance") == []
    position = page.get_by_role("spinbutton", name="Position in course")
    assert position.input_value() == "2"
    position.fill("1")
    submit_for_review(page)
    module.refresh_from_db()
    assert module.current_workflow_state is not None  # submitted
    order = list(ModulePage.objects.child_of(course).order_by("path").values_list("title", flat=True))
    assert order[0] == "Noticing the signs"  # nothing moved yet: the change is in review

    admin_sign_in(page, live_server, reviewer, reviewer_secret)
    approve(page, live_server, module)
    order = list(ModulePage.objects.child_of(course).order_by("path").values_list("title", flat=True))
    assert order == ["Asking directly", "Noticing the signs", "Course assessment"]
    page.goto(live_server.url + course.url)
    text = page.locator("main").inner_text()
    assert text.index("Asking directly") < text.index("Noticing the signs")
    page.goto("about:blank")


def test_reviewer_reads_a_comparison_of_lesson_blocks(page, live_server, e2e_settings):
    course = CoursePageFactory(title="Noticing and asking")
    module = ModulePageFactory(parent=course, title="Check your understanding", body=[question("no")])
    first = module.revisions.order_by("-pk").first()
    draft = ModulePage.objects.get(pk=module.pk)
    body = draft.body.raw_data
    for option in body[0]["value"]["options"]:
        option["value"]["is_correct"] = option["value"]["text"].startswith("Yes")
    draft.body = list(body)
    second = draft.save_revision()
    reviewer, reviewer_secret = staff_member("Reviewers")

    admin_sign_in(page, live_server, reviewer, reviewer_secret)
    page.goto(f"{live_server.url}/admin/pages/{module.pk}/revisions/compare/{first.pk}...{second.pk}/")
    main = page.locator("main").inner_text()
    assert "Question" in main and "Correct answer" in main
    assert "True" not in main and "False" not in main
    assert page.locator(".comparison__block-label").first.is_visible()
    assert axe_in(page, ".comparison") == []
    page.goto("about:blank")
