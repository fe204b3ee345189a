"""One institution as programme staff see it in the admin: leads, members, coverage per campaign,
invitations and history. A fixed handful of queries."""

from django.db.models import Count, Q

from ..models import Campaign, Institution, Membership, StaffInvitation
from .coverage import institution_coverage


def institution_overview(*, institution: Institution) -> dict:
    members = Membership.objects.filter(institution=institution)
    counts = members.aggregate(
        total=Count("pk"),
        sharing=Count("pk", filter=Q(shares_completion=True)),
        waiting=Count("pk", filter=Q(lead_requested_at__isnull=False)),
    )
    leads = list(
        members.filter(role=Membership.Role.LEAD).select_related("user").order_by("user__full_name")
    )
    campaigns = [
        institution_coverage(institution=institution, campaign=campaign)
        for campaign in Campaign.objects.all()
    ]
    return {
        "leads": leads,
        "members": counts["total"],
        "sharing": counts["sharing"],
        "lead_requests": counts["waiting"],
        "invitations": StaffInvitation.objects.filter(institution=institution).count(),
        "coverage": campaigns,
        "created_at": institution.created_at,
        "updated_at": institution.updated_at,
        "first_joined": members.order_by("joined_at").values_list("joined_at", flat=True).first(),
    }
