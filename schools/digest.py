"""The leads' weekly digest: a school lead who opts in gets, once a week, the completions of the
staff who share their training with the institution (only those), with a link to the dashboard.

Found from the database by the platform's hourly email dispatcher on Mondays to Wednesdays, London
time (a Monday missed while the service was down is caught up), each week at most once per lead
and institution. Weeks with no completion send nothing."""

from collections import defaultdict
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import reverse

from certificates.models import Certificate
from lms.notifications.models import EmailChoice
from lms.notifications.registry import Due
from lms.notifications.selectors import logged, send_key, send_key_sql

from .models import Membership

DIGEST = "schools.digest"
CATCH_UP_DAYS = 3  # Monday, Tuesday, Wednesday


def week_label(now: datetime) -> str:
    year, week, _weekday = now.astimezone(ZoneInfo(settings.TIME_ZONE)).isocalendar()
    return f"{year}-W{week:02d}"


def digest_due(*, now: datetime, limit: int) -> list[Due]:
    """Three queries: the leads who opted in and have no digest this week, the completions of the
    sharing staff of their institutions in the past 7 days, nothing per lead."""
    local = now.astimezone(ZoneInfo(settings.TIME_ZONE))
    if local.isoweekday() > CATCH_UP_DAYS:
        return []
    week = week_label(now)
    leads = list(
        Membership.objects.filter(role=Membership.Role.LEAD, user__is_active=True)
        .alias(digest_key=send_key_sql("lead", week))
        .filter(Exists(EmailChoice.objects.filter(user=OuterRef("user"), kind=DIGEST, receive=True)))
        .exclude(logged(kind=DIGEST, key_alias="digest_key"))
        .select_related("user", "institution")
        .order_by("pk")[:limit]
    )
    if not leads:
        return []
    since = now - timedelta(days=7)
    by_institution = defaultdict(list)
    completions = (
        Certificate.objects.filter(
            revoked_at__isnull=True,
            completed_at__gte=since,
            completed_at__lt=now,
            user__school_memberships__institution__in={lead.institution_id for lead in leads},
            user__school_memberships__shares_completion=True,
            user__is_active=True,  # a closed account is no longer shown to leads
        )
        .values_list("user__school_memberships__institution", "learner_name", "course_title")
        .order_by("learner_name", "course_title")
    )
    for institution_id, name, title in completions:
        by_institution[institution_id].append({"name": name, "course_title": title})
    due = []
    for lead in leads:
        rows = [row for row in by_institution.get(lead.institution_id, [])]
        if not rows:
            continue
        due.append(Due(user=lead.user, key=send_key("lead", lead.pk, week), context={
            "institution_name": lead.institution.name,
            "completions": rows,
            "dashboard_url": settings.SITE_URL + reverse("schools:dashboard", args=[lead.institution_id]),
        }))
    return due
