"""Reminders to learners who started a course and have not come back.

A learner is reminded 3 days after their last activity in a course (opening a module, completing
one, or submitting answers), and once more 10 days after it, at most twice per enrollment, never once
the course is complete. Who is due is found from the database each hour by the platform's email
dispatcher (`lms.notifications`): there are no per-learner schedule entries.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest

from lms.notifications.models import EmailSend
from lms.notifications.registry import Due
from lms.notifications.selectors import logged, send_key, send_key_sql

from .models import Enrollment, ModuleProgress, QuizAttempt

UNFINISHED = "courses.unfinished"

# (reminder number, idle for at least, idle for less than): a learner who stopped long before the
# first reminder could have gone is not written to out of the blue.
SCHEDULE = (
    (1, timedelta(days=3), timedelta(days=10)),
    (2, timedelta(days=10), timedelta(days=24)),
)


def key_for(*, enrollment_id: int, number: int) -> str:
    return send_key("enrollment", enrollment_id, str(number))


def with_last_activity(queryset):
    """Annotate `last_activity`: the latest of starting, opening a module, completing a module and
    submitting answers in that enrollment."""
    last_done = ModuleProgress.objects.filter(enrollment=OuterRef("pk")).values("enrollment")
    last_done = last_done.annotate(at=Max("completed_at")).values("at")
    last_attempt = QuizAttempt.objects.filter(enrollment=OuterRef("pk")).values("enrollment")
    last_attempt = last_attempt.annotate(at=Max("submitted_at")).values("at")
    return queryset.annotate(
        last_activity=Greatest(
            "started_at",
            Coalesce("last_visited_at", "started_at"),
            Coalesce(Subquery(last_done), "started_at"),
            Coalesce(Subquery(last_attempt), "started_at"),
        )
    )


def unfinished_due(*, now: datetime, limit: int) -> list[Due]:
    """The reminders due now, in a fixed number of queries (one per reminder in the schedule)."""
    due = []
    for number, idle_from, idle_until in SCHEDULE:
        rows = (
            with_last_activity(
                Enrollment.objects.filter(
                    completed_at__isnull=True, user__is_active=True, course__live=True
                )
            )
            .alias(reminder_key=send_key_sql("enrollment", str(number)))
            .filter(last_activity__lte=now - idle_from, last_activity__gt=now - idle_until)
            .exclude(logged(kind=UNFINISHED, key_alias="reminder_key"))
            .select_related("user", "course", "last_module")
        )
        if number > 1:  # the second goes only after the first was sent
            rows = rows.alias(previous_key=send_key_sql("enrollment", str(number - 1))).filter(
                logged(kind=UNFINISHED, key_alias="previous_key", status=EmailSend.Status.SENT)
            )
        for enrollment in rows.order_by("last_activity", "pk")[: max(limit - len(due), 0)]:
            due.append(
                Due(
                    user=enrollment.user,
                    key=key_for(enrollment_id=enrollment.pk, number=number),
                    context=reminder_context(enrollment=enrollment, number=number),
                )
            )
    return due


def reminder_context(*, enrollment, number: int) -> dict:
    """Where the learner stopped (the module they last opened, else the course) and the course."""
    course = enrollment.course
    module = enrollment.last_module if enrollment.last_module and enrollment.last_module.live else None
    target = module or course
    return {
        "course_title": course.title,
        "module_title": module.title if module else "",
        "resume_url": settings.SITE_URL + target.get_url(),
        "number": number,
    }
