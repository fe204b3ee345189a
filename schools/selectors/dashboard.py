"""The school lead dashboard: staff who agreed to share, with their course progress."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import ngettext, pgettext

from courses.models.pages import Programme
from courses.progress_selectors import enrollment_summaries

from ..models import ExternalRecord, Institution, Membership


@dataclass
class ProgrammeProgress:
    course_title: str = ""
    completed_at: datetime | None = None
    modules_done: int = 0
    modules_total: int = 0

    @property
    def status(self) -> str:
        if self.completed_at:
            return "completed"
        return "in_progress" if self.course_title else "not_started"

    @property
    def status_label(self) -> str:
        if self.completed_at:
            return pgettext("course state", "Completed")
        if self.course_title:
            return ngettext(
                "In progress (%(done)d of %(total)d module)",
                "In progress (%(done)d of %(total)d modules)",
                self.modules_total,
            ) % {"done": min(self.modules_done, self.modules_total), "total": self.modules_total}
        return pgettext("course state", "Not started")


@dataclass
class StaffRow:
    membership_id: int
    name: str
    email: str
    role: str
    joined_at: datetime
    programmes: dict = field(default_factory=dict)  # Programme value -> ProgrammeProgress
    is_lead: bool = False

    def progress_list(self):
        return [(Programme(value).label, self.programmes[value]) for value in Programme.values]


def _rank(progress: ProgrammeProgress):
    """Completed beats in progress; among completed the latest; among in progress the furthest."""
    if progress.completed_at:
        return (2, progress.completed_at.timestamp())
    ratio = progress.modules_done / progress.modules_total if progress.modules_total else 0
    return (1, ratio)


def institution_staff_progress(*, institution: Institution) -> list[StaffRow]:
    """Members who agreed to share (and have not closed their account), each with their best
    progress per programme, counted as the learner sees it
    (`courses.progress_selectors.enrollment_summaries`). Three queries."""
    members = list(
        Membership.objects.filter(institution=institution, shares_completion=True, user__is_active=True)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )
    rows = {
        m.user_id: StaffRow(
            membership_id=m.pk,
            name=m.user.full_name,
            email=m.user.email,
            role=m.get_role_display(),
            is_lead=m.role == Membership.Role.LEAD,
            joined_at=m.joined_at,
            programmes={value: ProgrammeProgress() for value in Programme.values},
        )
        for m in members
    }
    if not rows:
        return []
    enrollments = enrollment_summaries(user_ids=list(rows))
    for enrollment in enrollments:
        row, programme = rows[enrollment.user_id], enrollment.programme
        if programme not in row.programmes:
            continue
        candidate = ProgrammeProgress(
            course_title=enrollment.course_title,
            completed_at=enrollment.completed_at,
            modules_done=enrollment.done,
            modules_total=enrollment.total,
        )
        if row.programmes[programme].status == "not_started" or _rank(candidate) > _rank(
            row.programmes[programme]
        ):
            row.programmes[programme] = candidate
    return list(rows.values())


def staff_totals(rows: list[StaffRow]) -> dict:
    """Counts per programme for the dashboard's summary (no extra queries)."""
    totals = {}
    for value in Programme.values:
        completed = sum(1 for row in rows if row.programmes[value].completed_at)
        in_progress = sum(1 for row in rows if row.programmes[value].status == "in_progress")
        totals[value] = {"label": Programme(value).label, "completed": completed, "in_progress": in_progress}
    return {"sharing": len(rows), "programmes": list(totals.values())}


def external_decisions_for_lead(*, institution: Institution) -> dict:
    """For a lead: how many records of training done elsewhere by sharing staff wait for a decision,
    and which sharing members are self-declared (to confirm). One query: sharing members with their
    waiting records counted. Closed accounts are gone from the lead's view at once, as on the rest of
    the dashboard."""
    waiting = (
        ExternalRecord.objects.filter(user_id=OuterRef("user_id"), status=ExternalRecord.Status.PENDING)
        .values("user_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    members = list(
        Membership.objects.filter(institution=institution, shares_completion=True, user__is_active=True)
        .annotate(pending=Coalesce(Subquery(waiting), 0))
        .filter(Q(confirmed_at__isnull=True) | Q(pending__gt=0))
        .select_related("user")
        .order_by("user__full_name")
    )
    return {
        "pending": sum(m.pending for m in members),
        "unconfirmed": [m for m in members if m.confirmed_at is None],
    }
