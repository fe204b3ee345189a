"""Many submissions of one learner's assessment at the same instant: none is lost, none is doubled.

PostgreSQL only (as `test_progress_concurrency.py`): SQLite serialises all writers, so nothing can
race there. Each call runs in its own thread with its own connection, and the submissions are made
to overlap by a rendezvous at the racy point (tests/concurrency.py), never by timing: removing the
enrollment lock fails the tests of one learner's submissions on every run.
"""

import pytest

from courses import services
from courses.models import QuizAttempt, QuizPaper
from tests.concurrency import Rendezvous, run_together
from tests.courses.progress_helpers import COMMITTING_DB, build_course
from tests.factories import UserFactory

pytestmark = [
    COMMITTING_DB,
    pytest.mark.needs("postgresql"),
]


@pytest.fixture
def before_storing_the_attempt(monkeypatch):
    """`(parties) -> Rendezvous`: every submission meets the others just before it stores its
    attempt (it has read the latest attempt and found no stored copy of its answers), unless the
    enrollment row lock holds it back. With the lock, one submission at a time reads and writes;
    without it, all of them have found nothing stored before any stores, on every run."""
    create = QuizAttempt.objects.create

    def install(parties):
        rendezvous = Rendezvous(parties=parties)

        def meet_then_create(**kwargs):
            rendezvous.meet()
            return create(**kwargs)

        monkeypatch.setattr(QuizAttempt.objects, "create", meet_then_create)
        return rendezvous

    return install


@pytest.fixture
def course():
    return build_course(required=1, optional=False, assessment=True, questions=3, pass_mark=80)


def showing_the_assessment(course):
    """A learner who started the course and was shown the assessment (its paper is stored), as
    the pages before a submission leave them."""
    user = UserFactory()
    enrollment = services.enrollment_start(user=user, course=course.page)
    services.quiz_paper_for_next_attempt(
        user=user, course=course.page, module=course.assessment, enrollment=enrollment
    )
    assert QuizPaper.objects.filter(enrollment=enrollment).count() == 1
    return user


def submit(user, course, *, right=None, attempt_number=None):
    return lambda: services.quiz_submit(
        user=user, course=course.page, module=course.assessment,
        answers=course.answers(right=right), attempt_number=attempt_number,
    )


@pytest.mark.parametrize("attempt_number", [None, 1])
def test_ten_concurrent_posts_of_the_same_answers_store_one_attempt(
    course, attempt_number, before_storing_the_attempt
):
    user = showing_the_assessment(course)
    results = run_together(
        *[submit(user, course, attempt_number=attempt_number)] * 10,
        rendezvous=before_storing_the_attempt(10),
    )
    assert QuizAttempt.objects.count() == 1
    assert QuizPaper.objects.count() == 1
    assert sum(r.stored for r in results) == 1
    assert {r.attempt.pk for r in results} == {QuizAttempt.objects.get().pk}


def test_two_tabs_posting_different_answers_at_once_keep_both(course, before_storing_the_attempt):
    user = showing_the_assessment(course)
    run_together(
        submit(user, course, right=0, attempt_number=1),
        submit(user, course, attempt_number=1),
        rendezvous=before_storing_the_attempt(2),
    )
    attempts = list(QuizAttempt.objects.order_by("number"))
    assert [a.number for a in attempts] == [1, 2]
    assert sorted(a.passed for a in attempts) == [False, True]
    assert len({a.paper_id for a in attempts}) == 1


def test_two_learners_at_once_each_get_their_own_paper_and_attempt(course, before_storing_the_attempt):
    """Each learner's lock is their own: all four are inside their submission together."""
    users = [UserFactory() for _ in range(4)]
    run_together(
        *[submit(u, course, attempt_number=1) for u in users], rendezvous=before_storing_the_attempt(4)
    )
    assert QuizAttempt.objects.count() == 4 and QuizPaper.objects.count() == 4
