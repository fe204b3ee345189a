"""Trainers get clear, field-level errors in the CMS, and nothing invalid is saved."""

import pytest
from django.urls import reverse
from wagtail.blocks.struct_block import StructBlockValidationError

from courses.blocks import QuestionBlock
from courses.models import CoursePage, ModulePage
from tests.courses.admin_forms import course_form, module_form, question_value
from tests.courses.builders import question
from tests.factories import CoursePageFactory, ModulePageFactory, course_index


def clean_question(options, kind="single"):
    raw = {
        "prompt": "Q?",
        "kind": kind,
        "explanation": "",
        "options": [{"text": t, "is_correct": c, "feedback": ""} for t, c in options],
    }
    block = QuestionBlock()
    return block.clean(block.to_python(raw))


def options_error(exc):
    return exc.block_errors["options"].non_block_errors.as_data()[0].messages[0]


def test_question_with_no_correct_option_is_refused_under_options():
    with pytest.raises(StructBlockValidationError) as caught:
        clean_question([("A", False), ("B", False)])
    assert set(caught.value.block_errors) == {"options"}
    assert options_error(caught.value) == "Mark at least one option as the correct answer."


def test_single_choice_question_with_several_correct_options_is_refused():
    with pytest.raises(StructBlockValidationError) as caught:
        clean_question([("A", True), ("B", True), ("C", False)])
    assert "exactly one correct option; 2 are marked" in options_error(caught.value)


def test_multiple_choice_question_may_have_several_correct_options():
    value = clean_question([("A", True), ("B", True), ("C", False)], kind="multiple")
    assert len(value["options"]) == 3


def test_question_needs_at_least_two_options():
    with pytest.raises(StructBlockValidationError) as caught:
        clean_question([("A", True)])
    assert "options" in caught.value.block_errors


def add_url(parent, model="modulepage"):
    return reverse("wagtailadmin_pages:add", args=("courses", model, parent.pk))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "course_fields, form, message",
    [
        pytest.param(
            {}, {"blocks": [("question", question_value(options=(("Yes", False), ("No", False))))]},
            "Mark at least one option as the correct answer.", id="question without a correct option",
        ),
        pytest.param(
            {"pass_mark": None},
            {"title": "Assessment", "is_assessment": True, "blocks": [("question", question_value())]},
            "This course has no pass mark.", id="assessment in a course without a pass mark",
        ),
        pytest.param(
            {}, {"title": "Assessment", "is_assessment": True},
            "An assessment needs at least one question.", id="assessment without questions",
        ),
    ],
)
def test_admin_refuses_a_module_that_cannot_be_taken(admin_client, course_fields, form, message):
    course = CoursePageFactory(**course_fields)
    response = admin_client.post(add_url(course), module_form(**form))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ModulePage.objects.exists()


@pytest.mark.django_db
def test_admin_refuses_a_second_assessment_in_a_course(admin_client):
    course = CoursePageFactory()
    ModulePageFactory(
        parent=course, title="Final check", is_assessment=True, body=[question("Q", [("A", True, "")])]
    )
    data = module_form(title="Another", is_assessment=True, blocks=[("question", question_value())])
    response = admin_client.post(add_url(course), data)
    assert "This course already has an assessment: &quot;Final check&quot;." in response.content.decode()
    assert ModulePage.objects.count() == 1


@pytest.mark.django_db
def test_admin_accepts_a_valid_assessment(admin_client):
    course = CoursePageFactory()
    data = module_form(title="Assessment", is_assessment=True, blocks=[("question", question_value())])
    response = admin_client.post(add_url(course), data)
    assert response.status_code == 302
    module = ModulePage.objects.get()
    assert module.is_assessment and module.has_questions


@pytest.mark.django_db
@pytest.mark.parametrize(
    "pass_mark, message",
    [
        ("0", "Ensure this value is greater than or equal to 1."),
        ("101", "Ensure this value is less than or equal to 100."),
        ("-5", "Ensure this value is greater than or equal to 0."),  # the form's own minimum first
    ],
)
def test_admin_refuses_pass_mark_outside_1_to_100(admin_client, pass_mark, message):
    response = admin_client.post(add_url(course_index(), "coursepage"), course_form(pass_mark=pass_mark))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CoursePage.objects.exists()


@pytest.mark.django_db
def test_admin_refuses_removing_the_pass_mark_of_a_course_with_an_assessment(admin_client):
    course = CoursePageFactory()
    ModulePageFactory(
        parent=course, title="Final check", is_assessment=True, body=[question("Q", [("A", True, "")])]
    )
    url = reverse("wagtailadmin_pages:edit", args=(course.pk,))
    response = admin_client.post(url, course_form(title=course.title, slug=course.slug, pass_mark=""))
    assert "This course has an assessment, so it needs a pass mark (1-100)." in response.content.decode()
    course.refresh_from_db()
    assert course.pass_mark == 80


@pytest.mark.django_db
def test_module_saved_in_code_is_checked_too():
    from django.core.exceptions import ValidationError

    course = CoursePageFactory(pass_mark=None)
    module = ModulePageFactory(parent=course, body=[question("Q", [("A", True, "")])])
    module.is_assessment = True
    with pytest.raises(ValidationError) as caught:
        module.full_clean()
    assert "is_assessment" in caught.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["question", "reflection", "heading", "callout"])
def test_block_previews_in_the_cms_render(admin_client, name):
    from courses.blocks import ModuleStreamBlock

    block = ModuleStreamBlock().child_blocks[name]
    response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    if name == "question":
        assert "Ask them directly and calmly" in html and "is_correct" not in html
