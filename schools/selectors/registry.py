"""Finding institutions and a learner's memberships."""

import re

from django.db.models import Q, Value
from django.db.models.functions import Replace, Upper
from django.http import Http404

from ..models import Institution, InstitutionStatus, Membership
from ..models.registry import INVITATION_ALPHABET

SEARCH_LIMIT = 25
POSTCODE_ISH = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?( ?[0-9][A-Z]{0,2})?$")


def _clean_query(query: str) -> str:
    return " ".join((query or "").split())[:100]


def institution_filter_by_query(*, queryset, query: str):
    """THE institution search rule, for learners and programme staff alike: `queryset` narrowed to
    institutions whose name contains `query`, whose URN or UKPRN it is, or (when it looks like a
    postcode) whose postcode starts with it, spaces and case aside. An empty query narrows nothing."""
    query = _clean_query(query)
    if not query:
        return queryset
    condition = Q(name__icontains=query)
    if query.isdigit():
        condition |= Q(urn=int(query)) | Q(ukprn=int(query))
    if POSTCODE_ISH.match(query.upper()):
        queryset = queryset.annotate(postcode_compact=Replace(Upper("postcode"), Value(" "), Value("")))
        condition |= Q(postcode_compact__startswith=query.upper().replace(" ", ""))
    return queryset.filter(condition)


def institution_search(*, query: str, limit: int = SEARCH_LIMIT):
    """Institutions a learner can find to join: matching `query` (`institution_filter_by_query`,
    at least two characters or a number), best matches first."""
    query = _clean_query(query)
    if len(query) < 2 and not query.isdigit():
        return Institution.objects.none()
    return institution_filter_by_query(queryset=_joinable(), query=query).order_by("name", "pk")[:limit]


def normalise_invitation_code(code: str) -> str:
    cleaned = re.sub(r"[\s-]", "", (code or "")).upper()
    return cleaned if cleaned and all(ch in INVITATION_ALPHABET for ch in cleaned) else ""


def _joinable():
    """Institutions a learner may join: any that is not closed (open or proposed to open)."""
    return Institution.objects.select_related("borough").exclude(status=InstitutionStatus.CLOSED)


def institution_find_by_invitation(*, code: str) -> Institution | None:
    """The joinable institution with this invitation code, typed however (case, spaces, dashes)."""
    cleaned = normalise_invitation_code(code)
    return _joinable().filter(invitation_code=cleaned).first() if cleaned else None


def institution_get_by_invitation(*, code: str) -> Institution:
    """The joinable institution with this invitation code, else 404."""
    institution = institution_find_by_invitation(code=code)
    if institution is None:
        raise Http404("No institution has this invitation code.")
    return institution


def institution_get_joinable(*, institution_id: int) -> Institution:
    """A joinable institution by id, else 404."""
    institution = _joinable().filter(pk=institution_id).first()
    if institution is None:
        raise Http404("No such institution.")
    return institution


def membership_institution_ids(*, user) -> set[int]:
    """The ids of the institutions `user` belongs to."""
    return set(Membership.objects.filter(user=user).values_list("institution_id", flat=True))


def membership_get(*, user, institution) -> Membership | None:
    """`user`'s membership of `institution`, if any."""
    return Membership.objects.filter(user=user, institution=institution).first()


def membership_get_own(*, user, membership_id: int) -> Membership:
    """One of `user`'s own memberships, else 404 (anyone else's looks the same as none)."""
    membership = Membership.objects.select_related("institution").filter(pk=membership_id, user=user).first()
    if membership is None:
        raise Http404("No such membership.")
    return membership


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
