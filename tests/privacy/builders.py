"""A person with something in every kind of personal data the platform holds (for the privacy tests
and the benchmark)."""

from allauth.mfa.models import Authenticator
from django.utils import timezone

from certificates import services as certificate_services
from courses.models import Enrollment, ModulePage, ModuleProgress, QuizAttempt
from lms.notifications.models import EmailChoice
from schools.models import Membership
from tests.factories import CoursePageFactory, UserFactory, give_totp
from tests.schools.factories import InstitutionFactory, borough

NAME = "Zadie Quillfeather"
EMAIL = "zadie.quillfeather@example.org"


def person_with_everything(*, courses=1, completed=1, full_name=NAME, email=EMAIL, institution=None,
                           course_list=None, pdfs=True):
    """A learner in Camden with a second email address, two-step sign-in, an email choice, and
    `courses` enrollments (each with module progress and a passed attempt), the first `completed`
    of them completed with a certificate (rendered, and emailed), sharing with an institution."""
    user = UserFactory(
        full_name=full_name, email=email, borough=borough("Camden").ons_code, role="school_staff"
    )
    user.emailaddress_set.create(email="zadie.other@example.org", verified=False, primary=False)
    give_totp(user)
    EmailChoice.objects.create(user=user, kind="courses.unfinished", receive=False)
    Membership.objects.create(
        user=user, institution=institution or InstitutionFactory(), shares_completion=True
    )
    course_list = course_list or [CoursePageFactory(title=f"Course {n}", modules=2) for n in range(courses)]
    now = timezone.now()
    for number, course in enumerate(course_list):
        done = number < completed
        enrollment = Enrollment.objects.create(user=user, course=course, completed_at=now if done else None)
        modules = list(ModulePage.objects.child_of(course))
        for module in modules:
            ModuleProgress.objects.create(enrollment=enrollment, module=module)
        if modules:
            QuizAttempt.objects.create(
                enrollment=enrollment, module=modules[-1], answers={"q1": ["a"]}, correct_count=1,
                question_count=1, score=100, passed=True,
            )
        if done:
            if pdfs:
                certificate_services.certificate_issue(enrollment_id=enrollment.pk)
            else:
                from tests.schools.factories import certify

                certify(user, course, when=now)
    assert Authenticator.objects.filter(user=user).exists()
    return user
