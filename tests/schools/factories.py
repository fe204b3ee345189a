"""Factories and builders for the schools tests: institutions, memberships, campaigns, and course
completions with certificates created directly (no PDFs), as the coverage data generator does."""

from datetime import date

import factory
from django.utils import timezone

from certificates.codes import generate_code
from certificates.models import Certificate
from courses.models import Enrollment, ModulePage, ModuleProgress
from schools.models import Borough, Campaign, Institution, InstitutionKind, Membership
from tests.factories import UserFactory


def borough(name="Camden") -> Borough:
    return Borough.objects.get(name=name)


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    kind = InstitutionKind.SCHOOL
    name = factory.Sequence(lambda n: f"Elm Park School {n}")
    urn = factory.Sequence(lambda n: 900000 + n)
    borough = factory.LazyFunction(lambda: borough("Camden"))
    postcode = "NW1 2AB"
    source = Institution.Source.GIAS


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    institution = factory.SubFactory(InstitutionFactory)
    shares_completion = True


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    name = factory.Sequence(lambda n: f"London campaign {n}")
    programme = ""
    starts_on = date(2024, 1, 1)
    learner_target = 100_000
    is_public = True


def enroll(user, course, *, modules_done=0, completed_at=None) -> Enrollment:
    enrollment = Enrollment.objects.create(user=user, course=course, completed_at=completed_at)
    for module in ModulePage.objects.child_of(course)[:modules_done]:
        ModuleProgress.objects.create(enrollment=enrollment, module=module)
    return enrollment


def certify(user, course, *, when, revoked=False) -> Certificate:
    """A completed enrollment with its certificate, completed at `when`."""
    enrollment = Enrollment.objects.filter(user=user, course=course).first()
    if enrollment is None:
        enrollment = enroll(user, course, completed_at=when)
    else:
        enrollment.completed_at = when
        enrollment.save(update_fields=["completed_at"])
    return Certificate.objects.create(
        enrollment=enrollment,
        user=user,
        course=course,
        code=generate_code(),
        learner_name=user.full_name,
        course_title=course.title,
        completed_at=when,
        revoked_at=timezone.now() if revoked else None,
        revoked_reason="Issued in error" if revoked else "",
    )
