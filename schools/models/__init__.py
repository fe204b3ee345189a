from .campaigns import Campaign, CoverageSnapshot
from .external import ExternalRecord, ExternalTraining, RegisterImport
from .imports import GiasImport
from .membership import Membership
from .registry import Borough, Institution, InstitutionKind, InstitutionStatus

__all__ = [
    "Borough",
    "Campaign",
    "CoverageSnapshot",
    "ExternalRecord",
    "ExternalTraining",
    "GiasImport",
    "Institution",
    "InstitutionKind",
    "InstitutionStatus",
    "Membership",
    "RegisterImport",
]
