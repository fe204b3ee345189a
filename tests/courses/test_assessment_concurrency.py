"""Many submissions of one learner's assessment at the same instant: none is lost, none is doubled.

PostgreSQL only (as `test_progress_concurrency.py`): SQLite serialises all writers, so nothing can
race there. Each call runs in its own thread with its own connection, released together by a
barrier.
"""

import threading

import pytest
from django.db import connections

from courses import services
from courses.models import QuizAttempt, QuizPaper
from tests.courses.progress_helpers import COMMITTING_DB, build_course
from tests.factories import UserFactory

pytestmark = [
    COMMITTING_DB,
    pytest.mark.needs("postgresql"),
]


def run_together(calls):
    """Run each call in its own thread, all released at the same instant by a barrier."""
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def worker(index, call):
        try:
            barrier.wait(timeout=20)
            results[index] = call()
        except Exception as exc:  # reported below: a race must not raise
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return results


@pytest.fixture
def course():
    return build_course(required=1, optional=False, assessment=True, questions=3, pass_mark=80)


def submit(user, course, *, right=None, attempt_number=None):
    return lambda: services.quiz_submit(
        user=user, course=course.page, module=course.assessment,
        answers=course.answers(right=right), attempt_number=attempt_number,
    )


@pytest.mark.parametrize("attempt_number", [None, 1])
def test_ten_concurrent_posts_of_the_same_answers_store_one_attempt(course, attempt_number):
    user = UserFactory()
    results = run_together([submit(user, course, attempt_number=attempt_number)] * 10)
    assert QuizAttempt.objects.count() == 1
    assert QuizPaper.objects.count() == 1
    assert sum(r.stored for r in results) == 1
    assert {r.attempt.pk for r in results} == {QuizAttempt.objects.get().pk}


def test_two_tabs_posting_different_answers_at_once_keep_both(course):
    user = UserFactory()
    run_together([submit(user, course, right=0, attempt_number=1), submit(user, course, attempt_number=1)])
    attempts = list(QuizAttempt.objects.order_by("number"))
    assert [a.number for a in attempts] == [1, 2]
    assert sorted(a.passed for a in attempts) == [False, True]
    assert len({a.paper_id for a in attempts}) == 1


def test_two_learners_at_once_each_get_their_own_paper_and_attempt(course):
    users = [UserFactory() for _ in range(4)]
    run_together([submit(u, course, attempt_number=1) for u in users])
    assert QuizAttempt.objects.count() == 4 and QuizPaper.objects.count() == 4
