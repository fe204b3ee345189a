"""Sharing consent records (what a learner agreed to share with an institution's leads, when and
how, in the words they were shown) and the log of leads' staff-list downloads."""

from django.utils import timezone, translation
from django.utils.translation import gettext

from .models import Institution, LeadExport, SharingConsent

# Change this whenever the sharing wording (schools/forms.py SHARE_HELP and the join label) changes:
# each record keeps the version and the words themselves.
WORDING_VERSION = "2026-12-01"


def sharing_wording(*, institution: Institution, agreed: bool) -> str:
    """The words the learner is shown when they agree to share, or told when they stop."""
    from .forms import SHARE_HELP

    name = institution.name
    if not agreed:
        return gettext("You no longer share your training with %(name)s.") % {"name": name}
    label = gettext("Share my training progress and completions with %(name)s") % {"name": name}
    return f"{label}. {SHARE_HELP % {'name': name}}"


def consent_record(*, user, institution: Institution, agreed: bool, via: str) -> SharingConsent:
    """Add one choice to the learner's history with `institution` (never edits an earlier one)."""
    return SharingConsent.objects.create(
        user=user, institution=institution, agreed=agreed, via=via,
        wording=sharing_wording(institution=institution, agreed=agreed),
        wording_version=WORDING_VERSION, language=translation.get_language() or "",
        at=timezone.now(),
    )


def lead_export_log(*, lead, institution: Institution, rows: int) -> LeadExport:
    return LeadExport.objects.create(lead=lead, institution=institution, rows=rows)


def export_sharing_consents(user) -> list[dict]:
    """Every sharing choice the person made, with the words they were shown."""
    return [
        {"institution": row.institution.name, "agreed": row.agreed, "how": row.via,
         "wording": row.wording, "wording_version": row.wording_version,
         "language": row.language, "at": row.at.isoformat()}
        for row in SharingConsent.objects.filter(user=user).select_related("institution")
    ]


def erase_sharing_consents(user) -> None:
    SharingConsent.objects.filter(user=user).delete()


def export_lead_exports(user) -> list[dict]:
    """The staff lists the person downloaded as a lead."""
    return [
        {"institution": row.institution.name, "people_listed": row.rows, "at": row.at.isoformat()}
        for row in LeadExport.objects.filter(lead=user).select_related("institution")
    ]


def erase_lead_exports(user) -> None:
    """The log keeps that a list was downloaded, when and for which institution; not by whom."""
    LeadExport.objects.filter(lead=user).update(lead=None)
