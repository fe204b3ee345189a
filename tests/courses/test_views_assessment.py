"""Taking the assessment over HTTP: errors named, results with feedback, retakes, owners only."""

import pytest
from django.urls import reverse

from courses.models import Enrollment, QuizAttempt
from tests.courses.progress_helpers import TaskRuns, build_course, ensure_certificate_task
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return build_course(required=2, optional=False, assessment=True, questions=5, pass_mark=80)


@pytest.fixture
def learner(client, user):
    client.force_login(user)
    return client


def submit_url(course):
    return reverse("courses:quiz_submit", args=[course.page.pk, course.assessment.pk])


def test_the_assessment_form_carries_the_attempt_number_and_no_answer_key(learner, course):
    html = learner.get(course.assessment.url).content.decode()
    assert f'action="{submit_url(course)}"' in html
    assert 'name="attempt" value="1"' in html
    assert "asking directly shows you care" not in html  # feedback only after answering


def test_unanswered_questions_are_named_the_choices_kept_and_nothing_stored(learner, course):
    data = course.post_data(attempt=1)
    first_question = course.questions[0]["id"]
    data.pop(f"q-{first_question}")
    kept_option = data[f"q-{course.questions[1]['id']}"][0]
    response = learner.post(submit_url(course), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html and f'href="#question-{first_question}"' in html
    assert "Choose an answer." in html
    assert f'value="{kept_option}" form="module-answers" checked' in html
    assert not QuizAttempt.objects.exists()


@pytest.mark.parametrize("case", ["unknown option", "another module's question"])
def test_tampered_answers_give_a_clear_error_and_store_nothing(learner, course, case):
    data = course.post_data(attempt=1)
    if case == "unknown option":
        data[f"q-{course.questions[0]['id']}"] = ["made-up"]
    else:
        other = build_course(title="Another course")
        data.update(other.post_data())
    response = learner.post(submit_url(course), data)
    assert response.status_code == 400
    assert "Reload the page and try again" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_an_unpublished_assessment_gives_404(learner, course):
    course.assessment.unpublish()
    assert learner.post(submit_url(course), course.post_data()).status_code == 404
    assert not QuizAttempt.objects.exists()


def test_fail_see_feedback_retake_pass_and_see_completed_in_my_learning(
    learner, user, course, celery_eager, django_capture_on_commit_callbacks
):
    undo = ensure_certificate_task()
    try:
        for module in course.modules:
            learner.post(reverse("courses:module_complete", args=[course.page.pk, module.pk]))
        failed = learner.post(submit_url(course), course.post_data(right=3, attempt=1))
        attempt = QuizAttempt.objects.get()
        assert failed["Location"] == f"{course.assessment.url}?attempt={attempt.pk}#results"
        html = learner.get(failed["Location"]).content.decode()
        assert "Not passed this time" in html and "3 of 5 questions correctly (60%)" in html
        # After a fail: which questions were not right, not which option is correct.
        assert "Not quite" in html and "Correct answer" not in html
        assert "Changing the subject can leave someone feeling alone." not in html

        with TaskRuns() as runs, django_capture_on_commit_callbacks(execute=True):
            passed = learner.post(submit_url(course), course.post_data(attempt=2))
            replay = learner.post(submit_url(course), course.post_data(attempt=2))
        assert QuizAttempt.objects.count() == 2
        assert replay["Location"] == passed["Location"]
        html = learner.get(passed["Location"]).content.decode()
        assert "You passed" in html and "Correct answer" in html  # full feedback after passing
        enrollment = Enrollment.objects.get(user=user)
        assert enrollment.completed_at is not None
        assert runs.enrollment_ids == [enrollment.pk]
        my_learning = learner.get(reverse("courses:my_learning")).content.decode()
        # The "Completed" heading is there for everyone: the course must be listed under it.
        in_progress, completed = my_learning.split("<h2>Completed</h2>")
        assert course.page.title in completed and "<strong>Completed</strong> on" in completed
        assert course.page.title not in in_progress.split("<h2>In progress</h2>")[1]
    finally:
        undo()


def test_someone_elses_attempt_is_404(client, course):
    owner = UserFactory()
    client.force_login(owner)
    client.post(submit_url(course), course.post_data(attempt=1))
    attempt = QuizAttempt.objects.get()
    client.force_login(UserFactory())
    assert client.get(f"{course.assessment.url}?attempt={attempt.pk}").status_code == 404
    assert client.get(f"{course.assessment.url}?attempt=nonsense").status_code == 404
