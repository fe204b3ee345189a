"""The outreach list programme staff work from: counted institutions with the register's contact
details, filterable by borough, kind, coverage and a search, with the leads of each. A fixed
number of queries per page, however many institutions."""

from django.db.models import Exists, OuterRef

from ..models import Borough, Campaign, Institution, Membership
from .coverage import counted_institutions, covered_institution_ids
from .registry import institution_filter_by_query

COVERED, NOT_COVERED = "covered", "not_covered"


def outreach_institutions(
    *,
    campaign: Campaign,
    borough: Borough | None = None,
    kind: str = "",
    coverage: str = NOT_COVERED,
    query: str = "",
):
    """Counted institutions of `campaign`, narrowed by borough, kind, coverage (covered, not
    covered, or "" for both) and the institution search rule; each annotated `is_covered`. One
    query (the caller pages it)."""
    covered_ids = covered_institution_ids(campaign=campaign)
    qs = counted_institutions(campaign=campaign).select_related("borough")
    if borough is not None:
        qs = qs.filter(borough=borough)
    if kind:
        qs = qs.filter(kind=kind)
    if coverage == COVERED:
        qs = qs.filter(id__in=covered_ids)
    elif coverage == NOT_COVERED:
        qs = qs.exclude(id__in=covered_ids)
    qs = institution_filter_by_query(queryset=qs, query=query)
    return qs.annotate(
        is_covered=Exists(Institution.objects.filter(pk=OuterRef("pk"), id__in=covered_ids))
    ).order_by("borough__name", "name", "pk")


def lead_names(*, institution_ids) -> dict[int, list[str]]:
    """Institution id -> its leads' names (or addresses when they gave no name). One query."""
    names: dict[int, list[str]] = {}
    leads = (
        Membership.objects.filter(institution_id__in=list(institution_ids), role=Membership.Role.LEAD)
        .values_list("institution_id", "user__full_name", "user__email")
        .order_by("user__full_name", "user__email")
    )
    for institution_id, name, email in leads:
        names.setdefault(institution_id, []).append(name or email)
    return names


def outreach_rows(institutions) -> list[dict]:
    """Plain rows (for the page and the exports) of a page or a whole list of institutions."""
    institutions = list(institutions)
    leads = lead_names(institution_ids=[i.pk for i in institutions])
    return [
        {
            "pk": i.pk,
            "borough_name": i.borough.name,
            "name": i.name,
            "urn": i.urn,
            "kind_label": i.get_kind_display(),
            "establishment_type": i.establishment_type,
            "address": ", ".join(part for part in (i.street, i.locality, i.town) if part),
            "postcode": i.postcode,
            "telephone": i.telephone,
            "website": i.website,
            "head_name": i.head_name,
            "pupil_count": i.pupil_count,
            "is_covered": getattr(i, "is_covered", False),
            "leads": ", ".join(leads.get(i.pk, [])),
        }
        for i in institutions
    ]
