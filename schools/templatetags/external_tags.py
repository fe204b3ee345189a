"""Training done elsewhere on pages other apps own: the learner's list in My learning (courses)
and the decisions waiting on the lead dashboard."""

from django import template
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from ..external import external_records_for_user
from ..models import ExternalRecord, Membership

register = template.Library()


@register.inclusion_tag("schools/external/my_learning_section.html", takes_context=True)
def external_training_list(context):
    """The signed-in learner's own records. One query."""
    user = context["request"].user
    return {"records": external_records_for_user(user=user) if user.is_authenticated else []}


@register.inclusion_tag("schools/external/dashboard_section.html")
def lead_external_section(institution, coverage=None):
    """For a lead: how many records of sharing staff wait for a decision, and which sharing members
    are self-declared (to confirm). One query: sharing members with their waiting records counted."""
    waiting = (
        ExternalRecord.objects.filter(user_id=OuterRef("user_id"), status=ExternalRecord.Status.PENDING)
        .values("user_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    members = list(
        # Closed accounts are gone from the lead's view at once, as on the rest of the dashboard.
        Membership.objects.filter(institution=institution, shares_completion=True, user__is_active=True)
        .annotate(pending=Coalesce(Subquery(waiting), 0))
        .filter(Q(confirmed_at__isnull=True) | Q(pending__gt=0))
        .select_related("user")
        .order_by("user__full_name")
    )
    return {
        "institution": institution,
        "coverage": coverage,
        "pending": sum(m.pending for m in members),
        "review_url": reverse("schools:external_review", args=[institution.pk]),
        "unconfirmed": [m for m in members if m.confirmed_at is None],
    }
