"""Courses, completed enrollments and certificates for certificate tests."""

import uuid

import factory
from django.utils import timezone
from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage, Enrollment
from tests.factories import UserFactory


def make_course(title="Suicide prevention: an introduction", **fields) -> CoursePage:
    """A published CoursePage under the course index (created if missing)."""
    index = CourseIndexPage.objects.first()
    if index is None:
        root = Page.get_first_root_node() or _make_root()
        index = root.add_child(
            instance=CourseIndexPage(title="Courses", slug=f"courses-{uuid.uuid4().hex[:6]}")
        )
    course = CoursePage(
        title=title,
        slug=f"course-{uuid.uuid4().hex[:8]}",
        summary="A short, free introduction for everyone in London.",
        programme=fields.pop("programme", "suicide_prevention"),
        estimated_minutes=20,
        learning_outcomes="<ul><li>Ask directly and listen</li></ul>",
        content_note="<p>This course talks about suicide. Support is available at any time.</p>",
        **fields,
    )
    index.add_child(instance=course)
    course.save_revision().publish()
    course.refresh_from_db()
    return course


def _make_root():
    """After a transactional test flushed the migration-made tree: a locale and a root page."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return Page.add_root(instance=Page(title="Root", slug="root"))


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    user = factory.SubFactory(UserFactory)
    course = factory.LazyFunction(make_course)
    completed_at = factory.LazyFunction(timezone.now)
