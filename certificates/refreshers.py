"""Refresher reminders: when a certificate stops counting as current (its "valid until" date, set
from the campaigns that count the course for a limited time, e.g. 3 years for Youth MHFA), its holder
is reminded 3 months before, 1 month before and on the day. A later certificate of a course of the
same programme stops them. Found each hour from the database by the platform's email dispatcher.
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from lms.notifications.registry import Due
from lms.notifications.selectors import logged, send_key, send_key_sql

from .models import Certificate
from .validity import add_months

REFRESHER = "certificates.refresher"
DAY_CATCH_UP = timedelta(days=7)  # "on the day" still goes within a week if the day was missed


def stages(today: date):
    """(stage, valid_until after, valid_until on or before): each certificate is in one window."""
    return (
        ("3m", add_months(today, 1), add_months(today, 3)),
        ("1m", today, add_months(today, 1)),
        ("day", today - DAY_CATCH_UP - timedelta(days=1), today),
    )


def refresher_due(*, now: datetime, limit: int) -> list[Due]:
    """One query per stage, whatever the number of certificates."""
    today = timezone.localdate(now)
    newer = Certificate.objects.filter(
        user=OuterRef("user"),
        revoked_at__isnull=True,
        course__programme=OuterRef("course__programme"),
        completed_at__gt=OuterRef("completed_at"),
    ).filter(Q(valid_until__isnull=True) | Q(valid_until__gt=OuterRef("valid_until")))
    due = []
    for stage, after, until in stages(today):
        if len(due) >= limit:
            break
        rows = (
            Certificate.objects.filter(
                revoked_at__isnull=True, user__is_active=True, valid_until__gt=after,
                valid_until__lte=until,
            )
            .alias(refresher_key=send_key_sql("certificate", stage))
            .exclude(logged(kind=REFRESHER, key_alias="refresher_key"))
            .exclude(Exists(newer))
            .select_related("user", "course")
            .order_by("valid_until", "pk")[: limit - len(due)]
        )
        for certificate in rows:
            key = send_key("certificate", certificate.pk, stage)
            due.append(Due(user=certificate.user, key=key, context={
                "stage": stage,
                "course_title": certificate.course_title,
                "valid_until": certificate.valid_until,
                "course_url": settings.SITE_URL + certificate.course.get_url(),
                "certificate_url": settings.SITE_URL + certificate.get_absolute_url(),
            }))
    return due
