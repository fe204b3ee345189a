"""Finding institutions and a learner's memberships."""

import re

from django.db.models import Q, Value
from django.db.models.functions import Replace, Upper
from django.http import Http404

from ..models import Institution, InstitutionStatus, Membership
from ..models.registry import INVITATION_ALPHABET

SEARCH_LIMIT = 25
POSTCODE_ISH = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?( ?[0-9][A-Z]{0,2})?$")


def institution_search(*, query: str, limit: int = SEARCH_LIMIT, include_closed: bool = False):
    """Institutions matching a name, a URN or a postcode (or its start), best matches first."""
    query = " ".join((query or "").split())[:100]
    if len(query) < 2 and not query.isdigit():
        return Institution.objects.none()
    qs = Institution.objects.select_related("borough")
    if not include_closed:
        qs = qs.exclude(status=InstitutionStatus.CLOSED)
    condition = Q(name__icontains=query)
    if query.isdigit():
        condition |= Q(urn=int(query)) | Q(ukprn=int(query))
    compact = query.upper().replace(" ", "")
    if POSTCODE_ISH.match(query.upper()):
        qs = qs.annotate(postcode_compact=Replace(Upper("postcode"), Value(" "), Value("")))
        condition |= Q(postcode_compact__startswith=compact)
    return qs.filter(condition).order_by("name", "pk")[:limit]


def normalise_invitation_code(code: str) -> str:
    cleaned = re.sub(r"[\s-]", "", (code or "")).upper()
    return cleaned if cleaned and all(ch in INVITATION_ALPHABET for ch in cleaned) else ""


def institution_get_by_invitation(*, code: str) -> Institution:
    """The open (or proposed) institution with this invitation code, else 404."""
    cleaned = normalise_invitation_code(code)
    if not cleaned:
        raise Http404("No institution has this invitation code.")
    try:
        return (
            Institution.objects.select_related("borough")
            .exclude(status=InstitutionStatus.CLOSED)
            .get(invitation_code=cleaned)
        )
    except Institution.DoesNotExist:
        raise Http404("No institution has this invitation code.") from None


def memberships_for_user(*, user):
    return (
        Membership.objects.filter(user=user)
        .select_related("institution", "institution__borough")
        .order_by("institution__name")
    )


def institution_for_lead(*, user, institution_id: int) -> Institution:
    """The institution if `user` is one of its leads; 404 for everyone else (one query)."""
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("institution", "institution__borough")
        .filter(user=user, institution_id=institution_id, role=Membership.Role.LEAD)
        .first()
    )
    if membership is None:
        raise Http404("Not a lead of this institution.")
    return membership.institution
