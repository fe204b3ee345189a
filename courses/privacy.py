"""What the courses app holds about a person: enrollments, module progress and assessment attempts."""

from django.utils.translation import gettext_lazy as _

from lms.privacy.exporting import export_rows
from lms.privacy.registry import ACCOUNT_LIFETIME, PUBLIC_TASK, PersonalData, register_all

from .models import Enrollment, ModuleProgress, QuizAttempt


def _enrollments(user):
    return export_rows(
        Enrollment.objects.filter(user=user).order_by("started_at"),
        "started_at", "last_visited_at", "completed_at", course_title="course__title",
    )


def _module_progress(user):
    return export_rows(
        ModuleProgress.objects.filter(enrollment__user=user).order_by("completed_at"),
        "completed_at", course_title="enrollment__course__title", module_title="module__title",
    )


def _attempts(user):
    # Scores and dates: the answers are option identifiers, never free text, and mean nothing alone.
    return export_rows(
        QuizAttempt.objects.filter(enrollment__user=user).order_by("submitted_at"),
        "number", "correct_count", "question_count", "score", "passed", "submitted_at",
        course_title="enrollment__course__title", module_title="module__title",
    )


def _erase_progress(user):
    # Progress, papers and attempts go with their enrollment.
    Enrollment.objects.filter(user=user).delete()


def _nothing(user):
    """Erased with the enrollments (`courses.enrollments`)."""


def register_entries():
    register_all(
        PersonalData(
            "courses.enrollments", _("Courses you started"),
            ("courses.Enrollment",), _enrollments, _erase_progress,
            purpose=_("To let you resume a course where you stopped and to issue your certificate."),
            lawful_basis=PUBLIC_TASK, retention=ACCOUNT_LIFETIME,
        ),
        PersonalData(
            "courses.module_progress", _("Modules you completed"),
            ("courses.ModuleProgress",), _module_progress, _nothing,
            purpose=_("To show your progress and decide when a course is complete."),
            lawful_basis=PUBLIC_TASK, retention=ACCOUNT_LIFETIME,
        ),
        PersonalData(
            "courses.assessment_attempts", _("Assessment attempts"),
            ("courses.QuizAttempt", "courses.QuizPaper"), _attempts, _nothing,
            purpose=_("To grade the assessment on the server and count retakes."), lawful_basis=PUBLIC_TASK,
            retention=ACCOUNT_LIFETIME,
        ),
    )
