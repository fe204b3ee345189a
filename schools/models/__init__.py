from .campaigns import Campaign, CoverageSnapshot
from .consent import LeadExport, SharingConsent
from .external import ExternalRecord, ExternalTraining, RegisterImport
from .facts import CompletionFact, CompletionFactInstitution
from .imports import GiasImport
from .invitations import RetiredInvitationCode, StaffInvitation
from .membership import Membership
from .registry import Borough, Institution, InstitutionKind, InstitutionStatus
from .summaries import CoverageSummary

__all__ = [
    "Borough",
    "Campaign",
    "CompletionFact",
    "CompletionFactInstitution",
    "CoverageSnapshot",
    "CoverageSummary",
    "ExternalRecord",
    "ExternalTraining",
    "GiasImport",
    "Institution",
    "InstitutionKind",
    "InstitutionStatus",
    "LeadExport",
    "Membership",
    "RetiredInvitationCode",
    "StaffInvitation",
    "SharingConsent",
    "RegisterImport",
]
