from .campaigns import Campaign, CoverageSnapshot
from .facts import CompletionFact
from .imports import GiasImport
from .membership import Membership
from .registry import Borough, Institution, InstitutionKind, InstitutionStatus

__all__ = [
    "Borough",
    "Campaign",
    "CompletionFact",
    "CoverageSnapshot",
    "GiasImport",
    "Institution",
    "InstitutionKind",
    "InstitutionStatus",
    "Membership",
]
