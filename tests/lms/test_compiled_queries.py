"""A query compiled once (lms.compiled_queries) gives exactly the rows the ORM gives, for any
learner and course, with the same column types; a query it cannot compile safely runs through the
ORM instead."""

import uuid

import pytest
from django.urls import reverse

from courses.models import Enrollment
from courses.progress_selectors import _ENROLLMENT_WITH_DONE_KEYS, ENROLLMENT_FIELDS
from lms.compiled_queries import CompiledValuesQuery
from tests.courses.builders import paragraph
from tests.factories import CoursePageFactory, ModulePageFactory, UserFactory

pytestmark = pytest.mark.django_db

VALUES = (*ENROLLMENT_FIELDS, "last_module__translation_key", "modules__module__translation_key")


def orm_rows(user, course):
    return list(
        Enrollment.objects.filter(user_id=user.pk, course__translation_key=course.translation_key)
        .values(*VALUES)
    )


def test_the_compiled_progress_query_gives_the_orms_rows_for_each_learner(client):
    course = CoursePageFactory(title="Talking about suicide")
    other = CoursePageFactory(title="Supporting a colleague")
    modules = [ModulePageFactory(parent=course, title=f"Lesson {n}", body=[paragraph()]) for n in (1, 2)]
    learners = [UserFactory() for _ in range(3)]
    for number, learner in enumerate(learners):  # none, one and two modules done
        client.force_login(learner)
        client.post(reverse("courses:enrollment_start", args=[course.pk]))
        for module in modules[:number]:
            client.post(reverse("courses:module_complete", args=[course.pk, module.pk]))
    client.force_login(learners[2])
    client.get(modules[1].url)  # a last visit, so a last module
    checked = 0
    for learner in [*learners, UserFactory()]:
        for page in (course, other):
            compiled = _ENROLLMENT_WITH_DONE_KEYS.rows(user_id=learner.pk, course_key=page.translation_key)
            expected = orm_rows(learner, page)
            key = lambda row: str(row["modules__module__translation_key"])  # noqa: E731
            assert sorted(compiled, key=key) == sorted(expected, key=key)
            for got, want in zip(sorted(compiled, key=key), sorted(expected, key=key), strict=True):
                assert {k: type(v) for k, v in got.items()} == {k: type(v) for k, v in want.items()}
            checked += len(expected)
    assert checked == 1 + 1 + 2  # rows: one per enrollment, or per module done
    row = _ENROLLMENT_WITH_DONE_KEYS.rows(user_id=learners[2].pk, course_key=course.translation_key)[0]
    assert row["started_at"].tzinfo is not None and isinstance(row["last_module__translation_key"], uuid.UUID)


def test_a_query_whose_parameters_are_not_the_named_values_runs_through_the_orm():
    learner = UserFactory(full_name="Sam Learner")
    query = CompiledValuesQuery(
        lambda user_id: Enrollment.objects.filter(user_id=user_id, user__full_name__startswith="Sam")
        .values("id"),
        user_id=int,
    )
    assert query.rows(user_id=learner.pk) == []
    assert query._local.compiled is False  # "Sam%" is a parameter no named value explains
