"""Reads for the schools app. Each selector runs a fixed number of queries."""

from .coverage import (
    campaign_for_public,
    campaign_summary,
    completions_by_week,
    counted_institutions,
    coverage_by_borough,
    coverage_by_kind,
    covered_institution_ids,
    covered_institutions,
    institution_coverage,
    uncovered_institutions,
)
from .dashboard import StaffRow, external_decisions_for_lead, institution_staff_progress
from .public import PublicCount, PublicFigures, campaign_public_figures
from .registry import (
    institution_filter_by_query,
    institution_find_by_invitation,
    institution_for_lead,
    institution_get_by_invitation,
    institution_get_joinable,
    institution_search,
    membership_get,
    membership_get_own,
    membership_institution_ids,
    memberships_for_user,
)

__all__ = [
    "external_decisions_for_lead",
    "PublicCount",
    "PublicFigures",
    "campaign_public_figures",
    "StaffRow",
    "campaign_for_public",
    "campaign_summary",
    "completions_by_week",
    "counted_institutions",
    "coverage_by_borough",
    "coverage_by_kind",
    "covered_institution_ids",
    "covered_institutions",
    "institution_coverage",
    "institution_filter_by_query",
    "institution_find_by_invitation",
    "institution_for_lead",
    "institution_get_by_invitation",
    "institution_get_joinable",
    "institution_search",
    "institution_staff_progress",
    "membership_get",
    "membership_get_own",
    "membership_institution_ids",
    "memberships_for_user",
    "uncovered_institutions",
]
