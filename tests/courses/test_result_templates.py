"""The graded-results include shows, only after answering, what was right and why."""

import pytest
from django.template.loader import render_to_string

from courses.grading import grade_module
from tests.courses.builders import option_ids, question
from tests.factories import CoursePageFactory, ModulePageFactory


@pytest.fixture
def graded(db):
    blocks = [
        question(
            "Is it safe to ask directly?",
            [("Yes", True, "FB-YES"), ("No", False, "FB-NO")],
            explanation="<p>WHY-IT-IS-SAFE</p>",
        ),
        question(
            "Pick the helplines",
            [("Samaritans", True, "FB-SAM"), ("Shout", True, "FB-SHOUT"), ("A quiz line", False, "FB-QUIZ")],
            kind="multiple",
        ),
    ]
    module = ModulePageFactory(parent=CoursePageFactory(pass_mark=80), is_assessment=True, body=blocks)
    answers = {
        blocks[0]["id"]: option_ids(blocks[0], correct=False),
        blocks[1]["id"]: option_ids(blocks[1], correct=True),
    }
    return module, grade_module(module=module, answers=answers)


def test_graded_results_show_outcome_feedback_for_chosen_options_and_explanation(graded):
    module, result = graded
    html = render_to_string(
        "courses/includes/graded_results.html",
        {"grade_result": result, "page": module, "reveal_answers": True},
    )
    assert "Not passed this time" in html
    assert "You answered 1 of 2 questions correctly (50%). The pass mark is 80%." in html
    assert "FB-NO" in html and "FB-YES" not in html  # feedback for what the learner chose
    assert "FB-SAM" in html and "FB-SHOUT" in html and "FB-QUIZ" not in html
    assert "WHY-IT-IS-SAFE" in html
    assert html.count("Correct answer") == 3 and html.count("Your answer") == 3
    assert "Not quite" in html and "Correct</p>" in html  # said in words, not colour alone


def test_without_revealing_answers_results_say_what_was_not_right_but_not_the_right_option(graded):
    module, result = graded
    html = render_to_string(
        "courses/includes/graded_results.html",
        {"grade_result": result, "page": module, "reveal_answers": False},
    )
    assert "Not passed this time" in html and "Not quite" in html
    assert "WHY-IT-IS-SAFE" in html  # the trainer's explanation still shows
    assert html.count("Your answer") == 3  # the learner's own choices
    # Neither the tag, the styling hook nor option feedback gives the correct option away.
    assert "Correct answer" not in html and "option--correct" not in html
    assert not any(f"FB-{name}" in html for name in ("NO", "YES", "SAM", "SHOUT", "QUIZ"))


def test_module_page_shows_results_in_place_of_each_question(graded, rf, user):
    module, result = graded
    request = rf.get(module.url)
    request.user = user
    context = module.get_context(request)
    context.update(grade_result=result, page=module, request=request, reveal_answers=True)
    html = render_to_string("courses/module_page.html", context, request=request)
    assert "FB-NO" in html and 'type="radio"' not in html


def test_question_error_is_shown_with_the_question_and_announced(graded, rf, user):
    module, _ = graded
    question_id = module.body[0].id
    html = render_to_string(
        "courses/blocks/question.html",
        {
            "value": module.body[0].value,
            "block_id": question_id,
            "grading_errors": {question_id: ["Choose an answer."]},
        },
    )
    assert f'id="question-{question_id}-error"' in html and "Choose an answer." in html
    assert f'aria-describedby="question-{question_id}-hint question-{question_id}-error"' in html
