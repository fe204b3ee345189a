"""Reads for the lead's dashboard beyond the sharing staff list: invitations and where each invited
person has got to, certificate expiry, the staff denominator, sorting and filtering."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Max
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from certificates.validity import add_months
from courses.models import ModuleProgress

from ..invitations import REMINDER_INTERVAL
from ..models import Campaign, Institution, Membership, RetiredInvitationCode, StaffInvitation
from .dashboard import StaffRow

INVITED, JOINED, IN_PROGRESS, COMPLETED = "invited", "joined", "in_progress", "completed"
NOT_SHARING = "not_sharing"


def status_label(status: str) -> str:
    return {
        INVITED: pgettext("invitation state", "Invited, not joined yet"),
        JOINED: pgettext("invitation state", "Joined, not started"),
        NOT_SHARING: pgettext("invitation state", "Joined, not sharing their training"),
        IN_PROGRESS: pgettext("invitation state", "In progress"),
        COMPLETED: pgettext("invitation state", "Completed"),
    }[status]


def status_choices() -> list[tuple[str, str]]:
    return [(value, status_label(value)) for value in (INVITED, JOINED, NOT_SHARING, IN_PROGRESS, COMPLETED)]


def certificate_expires_on(*, completed_at: datetime | None, campaign: Campaign | None) -> date | None:
    """The last day a certificate completed at `completed_at` counts toward `campaign`'s coverage
    (`certificates.validity.valid_until`'s rule with the campaign's months)."""
    if not completed_at or campaign is None:
        return None
    completed_on = timezone.localtime(completed_at).date()
    return add_months(completed_on, campaign.certificate_valid_months) - timedelta(days=1)


@dataclass
class OverviewRow:
    """One person the lead sees: a sharing member of staff, an invited address, or both."""

    email: str
    name: str
    status: str
    row: StaffRow | None = None  # their progress when they share it
    invitation: StaffInvitation | None = None
    last_activity: datetime | None = None
    expires_on: date | None = None

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def can_remind(self) -> bool:
        return self.invitation is not None and self.status in (INVITED, JOINED, NOT_SHARING)

    @property
    def reminder_due(self) -> bool:
        return self.can_remind and self.invitation.last_sent_at <= timezone.now() - REMINDER_INTERVAL

    @property
    def is_current(self) -> bool:
        return bool(self.expires_on and self.expires_on >= timezone.localdate())


def _overall(row: StaffRow) -> str:
    statuses = {progress.status for _, progress in row.progress_list()}
    if "completed" in statuses:
        return COMPLETED
    return IN_PROGRESS if "in_progress" in statuses else JOINED


def staff_overview(
    *, institution: Institution, rows: list[StaffRow], campaign: Campaign | None
) -> list[OverviewRow]:
    """Everyone the lead sees, sharing staff and invited addresses, with a status each, their last
    activity and when their latest certificate stops counting. Four queries, however many people."""
    invitations = {i.email: i for i in StaffInvitation.objects.filter(institution=institution)}
    members = {
        m.address: m
        for m in Membership.objects.filter(institution=institution)
        .annotate(address=Lower("user__email"))
        .only("pk", "shares_completion", "user_id")
    }
    sharing_ids = [row.membership_id for row in rows]
    activity = (
        dict(
            ModuleProgress.objects.filter(enrollment__user__school_memberships__pk__in=sharing_ids)
            .values_list("enrollment__user_id")
            .annotate(last=Max("completed_at"))
        )
        if sharing_ids
        else {}
    )
    by_membership = {m.pk: m for m in members.values()}
    out = []
    for row in rows:
        email = row.email.lower()
        completed = [p.completed_at for _, p in row.progress_list() if p.completed_at]
        user_id = by_membership[row.membership_id].user_id if row.membership_id in by_membership else None
        out.append(
            OverviewRow(
                email=row.email,
                name=row.name,
                status=_overall(row),
                row=row,
                invitation=invitations.pop(email, None),
                last_activity=activity.get(user_id),
                expires_on=certificate_expires_on(
                    completed_at=max(completed, default=None), campaign=campaign
                ),
            )
        )
    names = (
        dict(
            get_user_model()
            .objects.annotate(address=Lower("email"))
            .filter(address__in=list(invitations))
            .values_list("address", "full_name")
        )
        if invitations
        else {}
    )
    for email, invitation in invitations.items():
        member = members.get(email)
        status = INVITED if member is None else JOINED if member.shares_completion else NOT_SHARING
        out.append(OverviewRow(email=email, name=names.get(email, ""), status=status, invitation=invitation))
    return out


SORTS = {
    "name": lambda r: ((r.name or r.email).lower(),),
    "status": lambda r: ([INVITED, NOT_SHARING, JOINED, IN_PROGRESS, COMPLETED].index(r.status), r.email),
    "activity": lambda r: (-(r.last_activity.timestamp() if r.last_activity else 0), r.email),
    "expiry": lambda r: (r.expires_on or date.max, r.email),
}


def staff_overview_sorted(
    overview: list[OverviewRow], *, sort: str = "name", status: str = ""
) -> list[OverviewRow]:
    """`overview` narrowed to one status (any when blank or unknown), sorted by a known key."""
    if status in dict(status_choices()):
        overview = [row for row in overview if row.status == status]
    return sorted(overview, key=SORTS.get(sort, SORTS["name"]))


def percent_trained(*, trained: int, staff_total: int | None) -> float | None:
    """Trained staff as a percentage of the staff total the lead recorded (None without a total)."""
    if not staff_total:
        return None
    return min(100.0, 100.0 * trained / staff_total)


def retired_invitation(*, code: str) -> RetiredInvitationCode | None:
    """The replaced invitation code `code` (typed however), with its institution, or None."""
    from .registry import normalise_invitation_code

    cleaned = normalise_invitation_code(code)
    if not cleaned:
        return None
    return RetiredInvitationCode.objects.select_related("institution").filter(code=cleaned).first()


def current_explained(*, campaign: Campaign | None) -> str:
    if campaign is None:
        return ""
    return gettext(
        "“Current” means a certificate still counts toward %(campaign)s: it was completed in the last "
        "%(months)s months. The date shown is the last day it counts; renew by taking the course again "
        "before then."
    ) % {"campaign": campaign.name, "months": campaign.certificate_valid_months}
