from .campaigns import Campaign, CoverageSnapshot
from .consent import LeadExport, SharingConsent
from .facts import CompletionFact
from .imports import GiasImport
from .invitations import RetiredInvitationCode, StaffInvitation
from .membership import Membership
from .registry import Borough, Institution, InstitutionKind, InstitutionStatus
from .summaries import CoverageSummary

__all__ = [
    "Borough",
    "Campaign",
    "CompletionFact",
    "CoverageSnapshot",
    "CoverageSummary",
    "GiasImport",
    "Institution",
    "InstitutionKind",
    "InstitutionStatus",
    "LeadExport",
    "Membership",
    "RetiredInvitationCode",
    "StaffInvitation",
    "SharingConsent",
]
