"""Completed enrollments for certificate tests (the courses come from tests/factories.py)."""

import factory
from django.utils import timezone

from courses.models import Enrollment
from tests.factories import CoursePageFactory, UserFactory


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    user = factory.SubFactory(UserFactory)
    course = factory.SubFactory(CoursePageFactory, title="Suicide prevention: an introduction")
    completed_at = factory.LazyFunction(timezone.now)
