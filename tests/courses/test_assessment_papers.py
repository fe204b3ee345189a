"""Each attempt is a paper drawn on the server: options shuffled (fixed ones kept in place), N of M
questions from a pool, the same paper on reload and replay; learners' answers are never thrown
away (a second tab's different answers are a new attempt); feedback after a failed attempt says
which questions were not right, not which option is correct."""

import random
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from courses import services
from courses.grading import module_questions, paper_draw
from courses.models import AssessmentFeedback, QuizAttempt, QuizPaper
from tests.courses.builders import option_ids, paragraph, question
from tests.courses.progress_helpers import build_course
from tests.factories import CoursePageFactory, ModulePageFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET_FEEDBACK = "OPTION-FEEDBACK-AFTER-ANSWERING"
SECRET_EXPLANATION = "EXPLANATION-AFTER-ANSWERING"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def four_options(n):
    """A question whose correct option is first on the page and "All of the above" is fixed last."""
    block = question(
        f"Question {n}: which would help most?",
        [
            (f"Right {n}", True, f"{SECRET_FEEDBACK} right"),
            (f"Wrong {n}a", False, f"{SECRET_FEEDBACK} wrong a"),
            (f"Wrong {n}b", False, f"{SECRET_FEEDBACK} wrong b"),
            (f"All of the above {n}", False, f"{SECRET_FEEDBACK} all"),
        ],
        explanation=f"<p>{SECRET_EXPLANATION} {n}</p>",
    )
    block["value"]["options"][3]["value"]["fixed"] = True
    return block


@pytest.fixture
def pool(db):
    """An assessment of 6 questions, each attempt drawing 3, pass mark 60%."""
    course = CoursePageFactory(title="Pool course", pass_mark=60)
    blocks = [four_options(n) for n in range(1, 7)]
    module = ModulePageFactory(parent=
        course, title="Assessment", body=[paragraph(), *blocks], is_assessment=True,
        questions_per_attempt=3,
    )
    return course, module, blocks


@pytest.fixture
def learner(client, user):
    client.force_login(user)
    return client


def shown_questions(html):
    """[(question_id, [option ids in the order shown]), ...] from a rendered assessment form."""
    shown = []
    for qid, inner in re.findall(r'<fieldset[^>]*id="question-([\w-]+)"(.*?)</fieldset>', html, re.S):
        shown.append((qid, re.findall(r'name="q-[\w-]+" value="([\w-]+)"', inner)))
    return shown


def post_for(shown, blocks, *, right):
    """POST data answering the shown questions: right answers for the first `right` of them."""
    by_id = {b["id"]: b for b in blocks}
    return {
        f"q-{qid}": option_ids(by_id[qid], correct=n < right)[:1] for n, (qid, _) in enumerate(shown)
    }


def submit_url(course, module):
    return reverse("courses:quiz_submit", args=[course.pk, module.pk])


# --- drawing papers (pure) ---------------------------------------------------------------------


def test_options_are_shuffled_but_fixed_options_keep_their_place(pool):
    _, module, blocks = pool
    questions = module_questions(module)
    orders = set()
    for seed in range(40):
        layout = paper_draw(questions=questions, rng=random.Random(seed))
        for (qid, options), block in zip(layout, blocks, strict=True):
            assert qid == block["id"]
            assert sorted(options) == sorted(option_ids(block))
            assert options[3] == option_ids(block)[3]  # "All of the above" stays last
        orders.add(tuple(layout[0][1]))
    assert len(orders) == 6  # every order of the three movable options turns up
    right_first = sum(
        paper_draw(questions=questions, rng=random.Random(s))[0][1][0] == option_ids(blocks[0])[0]
        for s in range(300)
    )
    assert 50 < right_first < 150  # about a third of the time, not always


def test_a_pool_draws_n_questions_in_page_order(pool):
    _, module, blocks = pool
    questions = module_questions(module)
    page_order = [b["id"] for b in blocks]
    draws = set()
    for seed in range(30):
        layout = paper_draw(questions=questions, pool_size=3, rng=random.Random(seed))
        ids = [qid for qid, _ in layout]
        assert len(ids) == 3 and ids == sorted(ids, key=page_order.index)
        draws.add(tuple(ids))
    assert len(draws) > 5


# --- a paper on the page ------------------------------------------------------------------------


def test_reloads_and_other_tabs_show_the_same_paper_drawn_on_the_server(learner, user, pool):
    course, module, blocks = pool
    services.enrollment_start(user=user, course=course)
    first = learner.get(module.url).content.decode()
    shown = shown_questions(first)
    assert len(shown) == 3  # three of the six questions
    assert shown_questions(learner.get(module.url).content.decode()) == shown
    assert shown_questions(learner.get(f"{module.url}?order=page&seed=1").content.decode()) == shown
    paper = QuizPaper.objects.get(enrollment__user=user, module=module, number=1)
    assert [[qid, opts] for qid, opts in shown] == paper.layout
    assert 'name="attempt" value="1"' in first


def test_a_learner_who_has_not_started_sees_the_paper_stored_when_they_submit(client, pool):
    course, module, blocks = pool
    client.force_login(UserFactory())
    shown = shown_questions(client.get(module.url).content.decode())
    assert not QuizPaper.objects.exists()  # looking does not start the course
    response = client.post(submit_url(course, module), {**post_for(shown, blocks, right=3), "attempt": "1"})
    assert response.status_code == 302
    assert QuizPaper.objects.get().layout == [[qid, opts] for qid, opts in shown]
    assert QuizAttempt.objects.get().passed


def test_a_pool_attempt_is_graded_on_its_drawn_questions_against_the_pass_mark(learner, pool):
    course, module, blocks = pool
    shown = shown_questions(learner.get(module.url).content.decode())
    response = learner.post(
        submit_url(course, module), {**post_for(shown, blocks, right=2), "attempt": "1"}
    )
    attempt = QuizAttempt.objects.get()
    assert (attempt.correct_count, attempt.question_count, attempt.score) == (2, 3, 66)
    assert attempt.passed  # 66% >= 60%
    assert response["Location"].endswith(f"?attempt={attempt.pk}#results")


def test_answers_to_questions_not_drawn_are_refused_and_nothing_is_stored(learner, pool):
    course, module, blocks = pool
    learner.get(module.url)
    everything = {f"q-{b['id']}": option_ids(b, correct=True) for b in blocks}
    response = learner.post(submit_url(course, module), {**everything, "attempt": "1"})
    assert response.status_code == 400
    assert "not in this attempt" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_the_next_attempt_draws_a_new_paper(learner, pool):
    course, module, blocks = pool
    papers = []
    for number in range(1, 6):
        shown = shown_questions(learner.get(module.url).content.decode())
        papers.append(shown)
        learner.post(submit_url(course, module), {**post_for(shown, blocks, right=0), "attempt": number})
    assert QuizAttempt.objects.count() == 5
    assert QuizPaper.objects.count() == 5
    assert len({tuple(qid for qid, _ in paper) for paper in papers}) > 1


def test_an_unanswered_paper_is_redrawn_when_the_trainer_removes_a_question(learner, user, pool):
    course, module, blocks = pool
    services.enrollment_start(user=user, course=course)
    shown = shown_questions(learner.get(module.url).content.decode())
    module.body = [b for b in module.body.raw_data if b["id"] != shown[0][0]]
    module.save_revision().publish()
    again = shown_questions(learner.get(module.url).content.decode())
    assert len(again) == 3 and shown[0][0] not in [qid for qid, _ in again]


def test_drawing_more_questions_than_the_module_has_is_refused(pool):
    _, module, _ = pool
    module.questions_per_attempt = 7
    with pytest.raises(ValidationError) as caught:
        module.full_clean()
    assert "only 6 questions" in str(caught.value.message_dict["questions_per_attempt"])


# --- answers are never thrown away -----------------------------------------------------------


@pytest.fixture
def course():
    return build_course(required=0, optional=False, assessment=True, questions=5, pass_mark=80)


def test_a_second_tab_with_different_answers_is_a_new_attempt_not_the_first_tabs_result(
    client, user, course
):
    client.force_login(user)
    url = reverse("courses:quiz_submit", args=[course.page.pk, course.assessment.pk])
    tab1 = client.get(course.assessment.url).content.decode()
    tab2 = client.get(course.assessment.url).content.decode()
    assert 'name="attempt" value="1"' in tab1 and 'name="attempt" value="1"' in tab2
    wrong = client.post(url, course.post_data(right=1, attempt=1))
    right = client.post(url, course.post_data(attempt=1))
    assert wrong["Location"] != right["Location"]
    first, second = QuizAttempt.objects.order_by("number")
    assert (first.number, first.passed, second.number, second.passed) == (1, False, 2, True)
    assert first.paper_id == second.paper_id  # both graded on the paper both tabs showed
    html = client.get(right["Location"]).content.decode()
    assert "You passed: 100%" in html


def test_the_same_answers_posted_again_are_one_attempt(client, user, course):
    client.force_login(user)
    url = reverse("courses:quiz_submit", args=[course.page.pk, course.assessment.pk])
    first = client.post(url, course.post_data(right=2, attempt=1))
    replay = client.post(url, course.post_data(right=2, attempt=1))
    assert replay["Location"] == first["Location"] and QuizAttempt.objects.count() == 1


def test_without_an_attempt_number_the_same_answers_are_one_attempt_and_new_ones_another(user, course):
    def submit(right):
        return services.quiz_submit(
            user=user, course=course.page, module=course.assessment,
            answers=course.answers(right=right),
        )

    stored = [submit(2) for _ in range(3)]
    assert [s.stored for s in stored] == [True, False, False]
    assert len({s.attempt.pk for s in stored}) == 1
    retake = submit(None)
    assert retake.stored and retake.attempt.number == 2 and retake.attempt.passed
    assert QuizAttempt.objects.count() == 2


def test_a_made_up_attempt_number_cannot_pick_a_paper_ahead(user, course):
    submission = services.quiz_submit(
        user=user, course=course.page, module=course.assessment, answers=course.answers(),
        attempt_number=999,
    )
    assert submission.attempt.number == 1 and submission.attempt.paper.number == 1


# --- feedback after an attempt ----------------------------------------------------------------


def result_page(client, course, module, data):
    response = client.post(submit_url(course, module), data)
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    "policy, after_fail, after_pass",
    [
        (AssessmentFeedback.AFTER_PASS, False, True),
        (AssessmentFeedback.ALWAYS, True, True),
        (AssessmentFeedback.NEVER, False, False),
    ],
)
def test_the_course_setting_decides_when_the_correct_options_are_shown(
    learner, pool, policy, after_fail, after_pass
):
    course, module, blocks = pool
    course.assessment_feedback = policy
    course.save_revision().publish()
    shown = shown_questions(learner.get(module.url).content.decode())
    failed = result_page(learner, course, module, {**post_for(shown, blocks, right=0), "attempt": 1})
    assert "Not passed this time: 0%" in failed
    assert SECRET_EXPLANATION in failed  # the trainer's explanation always follows an answer
    assert ("Correct answer" in failed) is after_fail
    assert (SECRET_FEEDBACK in failed) is after_fail
    assert ("option--correct" in failed) is after_fail
    shown = shown_questions(learner.get(module.url).content.decode())
    passed = result_page(learner, course, module, {**post_for(shown, blocks, right=3), "attempt": 2})
    assert "You passed: 100%" in passed
    assert ("Correct answer" in passed) is after_pass


def test_results_start_with_a_summary_linking_each_question_to_look_at_again(learner, pool):
    course, module, blocks = pool
    shown = shown_questions(learner.get(module.url).content.decode())
    html = result_page(learner, course, module, {**post_for(shown, blocks, right=1), "attempt": 1})
    main = html[html.index('id="main-content"'):]
    summary = main.index('id="results"')
    assert summary < main.index('class="question-result')  # before the first question
    assert 'tabindex="-1"' in main[summary - 200: summary + 200] and "data-results" in main
    assert "Not passed this time: 33%" in main and "The pass mark is 60%." in main
    links = re.findall(r'<li><a href="#question-([\w-]+)">', main[summary:main.index("</section>", summary)])
    assert links == [qid for qid, _ in shown[1:]]  # the two not right, in the order shown
    for qid in links:
        assert f'id="question-{qid}"' in main
    assert "Answer the questions again" in main


def test_no_answer_key_reaches_the_browser_with_pools_and_shuffled_orders(learner, client, pool):
    course, module, blocks = pool
    pages = [learner.get(module.url), learner.get(course.url)]
    pages.append(learner.post(submit_url(course, module), {"attempt": "1"}))
    for response in pages:
        html = response.content.decode()
        assert SECRET_FEEDBACK not in html and SECRET_EXPLANATION not in html
        assert "is_correct" not in html and "Correct answer" not in html and '"fixed"' not in html
    form = pages[0].content.decode()
    # Nothing in the markup tells the right option apart: each is an input and a label alike.
    for _qid, options in shown_questions(form):
        for option in options:
            tag = re.search(rf'<input[^>]*value="{option}"[^>]*>', form).group(0)
            assert re.sub(UUID, "ID", tag) == (
                '<input type="radio" id="q-ID-ID" name="q-ID" value="ID" form="module-answers">'
            )
