from .campaigns import Campaign, CoverageSnapshot
from .consent import LeadExport, SharingConsent
from .imports import GiasImport
from .membership import Membership
from .registry import Borough, Institution, InstitutionKind, InstitutionStatus

__all__ = [
    "Borough",
    "Campaign",
    "CoverageSnapshot",
    "GiasImport",
    "Institution",
    "InstitutionKind",
    "InstitutionStatus",
    "LeadExport",
    "Membership",
    "SharingConsent",
]
