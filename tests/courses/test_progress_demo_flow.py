"""The whole learner journey on the demo course: sign up from the course page and come back,
start, complete every module, fail then pass the assessment, see it completed in My learning with
a certificate, and the certificate task run exactly once (the real Celery app, eager)."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from courses.grading import module_questions
from courses.models import CoursePage, Enrollment, ModulePage, QuizAttempt, QuizPaper
from tests.courses.progress_helpers import TaskRuns, ensure_certificate_task

pytestmark = pytest.mark.django_db


def _answers(module, *, all_right, paper):
    """Answers to the questions of the learner's paper (the sample assessment draws 5 of 8)."""
    data = {}
    drawn = [question_id for question_id, _options in paper.layout]
    for number, question in enumerate(q for q in module_questions(module) if q.id in drawn):
        right = [o.id for o in question.options if o.is_correct]
        wrong = [o.id for o in question.options if not o.is_correct]
        data[f"q-{question.id}"] = right if (all_right or number % 2) else wrong[:1]
    return data


def test_a_new_learner_takes_the_demo_course_from_sign_up_to_certificate(
    client, celery_eager, django_capture_on_commit_callbacks
):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    course = CoursePage.objects.get(slug="suicide-prevention-introduction", locale__language_code="en-gb")
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    lessons = [m for m in modules if not m.is_assessment]
    assessment = next(m for m in modules if m.is_assessment)

    # Sign up from the course page; the confirmation link brings the learner back to it.
    course_html = client.get(course.url).content.decode()
    signup_url = re.search(r'href="(/accounts/signup/\?next=[^"]+)"', course_html).group(1)
    client.post(signup_url, {"full_name": "Amara Okafor", "email": "amara@example.org",
                             "password1": "Blue-kettle-sings-42", "password2": "Blue-kettle-sings-42"})
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", mail.outbox[0].body)
    confirmed = client.post(link.group(1))
    assert confirmed["Location"] == course.url

    undo = ensure_certificate_task()
    try:
        start = client.post(reverse("courses:enrollment_start", args=[course.pk]))
        # The sample course offers its optional confidence check first; skipping it starts the course.
        assert start["Location"].startswith(reverse("courses:confidence", args=[course.pk, "before"]))
        skipped = client.post(start["Location"], {"skip": "1"})
        assert skipped["Location"] == lessons[0].url
        for index, lesson in enumerate(lessons):
            page = client.get(lesson.url).content.decode()
            assert f"{index} of {len(modules)} modules complete" in page
            following = modules[index + 1].url
            response = client.post(
                reverse("courses:module_complete", args=[course.pk, lesson.pk]), {"next": following}
            )
            assert response["Location"] == following
        assert "Not started" not in client.get(assessment.url).content.decode().split("Course outline")[1]

        submit = reverse("courses:quiz_submit", args=[course.pk, assessment.pk])
        client.get(assessment.url)
        paper = QuizPaper.objects.get(module=assessment, number=1)
        failed = client.post(
            submit, {**_answers(assessment, all_right=False, paper=paper), "attempt": "1"}
        )
        assert "Not passed this time" in client.get(failed["Location"]).content.decode()
        with TaskRuns() as runs, django_capture_on_commit_callbacks(execute=True):
            client.get(assessment.url)
            paper = QuizPaper.objects.get(module=assessment, number=2)
            passed = client.post(
                submit, {**_answers(assessment, all_right=True, paper=paper), "attempt": "2"}
            )
        assert "You passed" in client.get(passed["Location"]).content.decode()
    finally:
        undo()

    enrollment = Enrollment.objects.get(user__email="amara@example.org")
    assert enrollment.completed_at is not None
    assert runs.enrollment_ids == [enrollment.pk]
    assert [a.passed for a in QuizAttempt.objects.order_by("number")] == [False, True]
    my_learning = client.get("/my-learning/").content.decode()
    completed = my_learning.split("<h2>Completed</h2>")[1]
    assert course.title in completed and "View your certificate" in completed
