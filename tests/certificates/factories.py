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


def edit_certificate_template(client, template, **fields):
    """Post the CMS's edit form of a certificate template, as a trainer saving it with `fields`
    (its name and default flag kept, no course links). Returns the response."""
    return client.post(
        f"/admin/snippets/certificates/certificatetemplate/edit/{template.pk}/",
        {
            "name": template.name,
            "is_default": "on" if template.is_default else "",
            **fields,
            "course_links-TOTAL_FORMS": "0",
            "course_links-INITIAL_FORMS": "0",
            "course_links-MIN_NUM_FORMS": "0",
            "course_links-MAX_NUM_FORMS": "1000",
        },
    )
