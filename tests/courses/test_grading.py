"""Grading happens on the server against the answer key trainers wrote; bad submissions grade nothing."""

import pytest

from courses.grading import GradingError, answers_from_post, grade_module, question_field_name
from tests.courses.builders import option_ids, paragraph, question
from tests.factories import CoursePageFactory, ModulePageFactory


def single(prompt="Is it safe to ask directly about suicide?", feedback_right="Yes: asking shows you care."):
    return question(
        prompt,
        [("Yes", True, feedback_right), ("No", False, "Asking does not put the idea in someone's head.")],
    )


def multiple():
    return question(
        "Which of these can help someone who is struggling? Select all that apply.",
        [
            ("Listening without judging", True, "Right."),
            ("Telling them to cheer up", False, "This can shut a conversation down."),
            ("Helping them contact support", True, "Right."),
        ],
        kind="multiple",
    )


@pytest.fixture
def five_question_assessment(db):
    course = CoursePageFactory(pass_mark=80)
    blocks = [single(f"Question {n}") for n in range(5)]
    module = ModulePageFactory(
        parent=course, title="Assessment", is_assessment=True, body=[paragraph(), *blocks]
    )
    return module, blocks


def answer(blocks, right):
    """Answer the first `right` questions correctly and the rest wrongly."""
    return {b["id"]: option_ids(b, correct=(i < right))[:1] for i, b in enumerate(blocks)}


def test_all_correct_scores_100_and_passes(five_question_assessment):
    module, blocks = five_question_assessment
    result = grade_module(module=module, answers=answer(blocks, 5))
    assert (result.correct_count, result.question_count, result.score, result.passed) == (5, 5, 100, True)
    assert result.pass_mark == 80
    assert all(q.correct for q in result.questions)


@pytest.mark.parametrize("right, score, passed", [(4, 80, True), (3, 60, False), (0, 0, False)])
def test_pass_mark_is_the_course_pass_mark(five_question_assessment, right, score, passed):
    module, blocks = five_question_assessment
    result = grade_module(module=module, answers=answer(blocks, right))
    assert (result.score, result.passed) == (score, passed)


def test_score_rounds_down_but_pass_compares_exact_fraction(db):
    course = CoursePageFactory(pass_mark=83)
    blocks = [single(f"Q{n}") for n in range(6)]
    module = ModulePageFactory(parent=course, is_assessment=True, body=blocks)
    result = grade_module(module=module, answers=answer(blocks, 5))  # 83.33%
    assert result.score == 83 and result.passed is True
    assert grade_module(module=module, answers=answer(blocks, 5), pass_mark=84).passed is False


def test_result_carries_feedback_for_the_chosen_option_and_the_explanation(five_question_assessment):
    module, blocks = five_question_assessment
    result = grade_module(module=module, answers=answer(blocks, 0))
    first = result.questions[0]
    assert first.correct is False
    chosen = [o for o in first.options if o.chosen]
    assert [o.text for o in chosen] == ["No"]
    assert first.chosen_feedback == ["Asking does not put the idea in someone's head."]
    assert [o.text for o in first.options if o.is_correct] == ["Yes"]
    assert "Asking directly is safe." in first.explanation.source


def test_multiple_choice_needs_exactly_the_correct_set(db):
    block = multiple()
    module = ModulePageFactory(parent=CoursePageFactory(), body=[block])
    right = option_ids(block, correct=True)
    wrong = option_ids(block, correct=False)
    assert grade_module(module=module, answers={block["id"]: right}).passed is True
    assert grade_module(module=module, answers={block["id"]: right[:1]}).questions[0].correct is False
    assert grade_module(module=module, answers={block["id"]: right + wrong}).questions[0].correct is False


def test_answers_are_normalised_to_identifiers_without_repeats(five_question_assessment):
    module, blocks = five_question_assessment
    answers = answer(blocks, 5)
    first = blocks[0]["id"]
    answers[first] = answers[first] * 2
    result = grade_module(module=module, answers=answers)
    assert result.answers[first] == answers[first][:1]
    assert set(result.answers) == {b["id"] for b in blocks}


def error_codes(exc):
    return {key: [e.code for e in errors] for key, errors in exc.error_dict.items()}


def test_unanswered_questions_are_named_and_nothing_is_graded(five_question_assessment):
    module, blocks = five_question_assessment
    answers = answer(blocks, 5)
    del answers[blocks[1]["id"]]
    answers[blocks[2]["id"]] = []
    with pytest.raises(GradingError) as caught:
        grade_module(module=module, answers=answers)
    assert error_codes(caught.value) == {blocks[1]["id"]: ["unanswered"], blocks[2]["id"]: ["unanswered"]}
    assert caught.value.message_dict[blocks[1]["id"]] == ["Choose an answer."]


def test_unknown_option_identifier_is_refused(five_question_assessment):
    module, blocks = five_question_assessment
    answers = answer(blocks, 5)
    answers[blocks[0]["id"]] = ["not-an-option"]
    with pytest.raises(GradingError) as caught:
        grade_module(module=module, answers=answers)
    assert error_codes(caught.value) == {blocks[0]["id"]: ["unknown_option"]}


def test_option_from_another_question_is_refused(five_question_assessment):
    module, blocks = five_question_assessment
    answers = answer(blocks, 5)
    answers[blocks[0]["id"]] = option_ids(blocks[1], correct=True)
    with pytest.raises(GradingError) as caught:
        grade_module(module=module, answers=answers)
    assert error_codes(caught.value) == {blocks[0]["id"]: ["unknown_option"]}


def test_answers_for_another_modules_questions_are_refused(five_question_assessment):
    module, blocks = five_question_assessment
    other_block = single("Elsewhere")
    ModulePageFactory(parent=module.get_parent().specific, title="Other", body=[other_block])
    answers = answer(blocks, 5)
    answers[other_block["id"]] = option_ids(other_block, correct=True)
    with pytest.raises(GradingError) as caught:
        grade_module(module=module, answers=answers)
    assert error_codes(caught.value) == {"__all__": ["unknown_question"]}


def test_two_answers_to_a_single_choice_question_are_refused(five_question_assessment):
    module, blocks = five_question_assessment
    answers = answer(blocks, 5)
    answers[blocks[0]["id"]] = option_ids(blocks[0])
    with pytest.raises(GradingError) as caught:
        grade_module(module=module, answers=answers)
    assert error_codes(caught.value) == {blocks[0]["id"]: ["too_many_options"]}


def test_module_without_questions_cannot_be_graded(db):
    module = ModulePageFactory(parent=CoursePageFactory(), body=[paragraph()])
    with pytest.raises(GradingError) as caught:
        grade_module(module=module, answers={})
    assert error_codes(caught.value) == {"__all__": ["no_questions"]}


def test_grading_reads_one_row_and_writes_nothing(five_question_assessment, django_assert_num_queries):
    module, blocks = five_question_assessment
    with django_assert_num_queries(1):  # the course's pass mark
        grade_module(module=module, answers=answer(blocks, 5))
    with django_assert_num_queries(0):
        grade_module(module=module, answers=answer(blocks, 5), pass_mark=50)


def test_answers_from_post_reads_the_question_fields(rf):
    request = rf.post(
        "/",
        {
            question_field_name("q1"): ["a", "b"],
            question_field_name("q2"): "c",
            "csrfmiddlewaretoken": "x",
            "note": "free text is ignored",
        },
    )
    assert answers_from_post(request.POST) == {"q1": ["a", "b"], "q2": ["c"]}


def test_question_ids_stay_the_same_after_a_trainer_edits_the_page(admin_client, five_question_assessment):
    """The trainer rewords a question and adds a paragraph in the page editor and publishes: the
    editor sends each block's id back, so answers given to the earlier version still grade."""
    from django.urls import reverse
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    from courses.models import ModulePage
    from tests.courses.admin_forms import listblock

    module, blocks = five_question_assessment
    body = {"count": len(blocks) + 1}
    body[0] = {"type": "paragraph", "value": rich_text("<p>A new introduction.</p>"), "deleted": "",
               "order": 0, "id": ""}
    for n, block in enumerate(blocks, start=1):
        value = block["value"]
        options = [
            {"text": o["value"]["text"], "is_correct": "on" if o["value"]["is_correct"] else "",
             "feedback": o["value"]["feedback"]}
            for o in value["options"]
        ]
        option_list = listblock(options)
        for i, o in enumerate(value["options"]):
            option_list[i]["id"] = o["id"]
        body[n] = {
            "type": "question",
            "value": {
                "prompt": f"{value['prompt']} (reworded)",
                "kind": value["kind"],
                "options": option_list,
                "explanation": rich_text(value["explanation"]),
            },
            "deleted": "",
            "order": n,
            "id": block["id"],
        }
    data = nested_form_data({
        "title": module.title, "slug": module.slug, "estimated_minutes": 5,
        "content_note": rich_text(""), "is_required": "on", "is_assessment": "on", "body": body,
    })
    data["action-publish"] = "1"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(module.pk,)), data)
    assert response.status_code == 302, response.content.decode()[:2000]

    edited = ModulePage.objects.get(pk=module.pk)
    assert edited.body[0].block_type == "paragraph"
    result = grade_module(module=edited, answers=answer(blocks, 5))
    assert result.passed is True
    assert result.questions[0].prompt == "Question 0 (reworded)"


def test_a_course_without_a_pass_mark_needs_every_answer_right(db):
    """Knowledge checks in a course with no pass mark: 4 of 5 right does not pass, 5 of 5 does."""
    course = CoursePageFactory(pass_mark=None)
    blocks = [single(f"Check {n}") for n in range(5)]
    module = ModulePageFactory(parent=course, title="Lesson", body=[paragraph(), *blocks])
    assert grade_module(module=module, answers=answer(blocks, 4)).passed is False
    result = grade_module(module=module, answers=answer(blocks, 5))
    assert (result.pass_mark, result.passed) == (100, True)
