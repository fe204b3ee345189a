"""What the privacy notice page states: the categories of personal data from the apps' own
declarations (lms.privacy.registry), and the retention periods from the settings the retention
task uses, so the page cannot drift from what the platform does."""

from django.conf import settings
from django.utils.translation import gettext, ngettext

from lms.privacy.models import EXPORT_KEEP_DAYS


def privacy_entries() -> list:
    """Every app's personal-data declaration (label, purpose, lawful basis, retention)."""
    from lms.privacy.registry import entries

    return list(entries())


def _days(count: int) -> str:
    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}


def retention_rules() -> list[tuple[str, str]]:
    """(what, how long) for each rule of lms/accounts/retention.py and the closure cool-off."""
    years = settings.RETENTION_INACTIVE_YEARS
    return [
        (gettext("An account you delete"), gettext(
            "Closed at once; everything is erased %(period)s later unless you sign in before then."
        ) % {"period": _days(settings.ACCOUNT_ERASURE_COOL_OFF_DAYS)}),
        (gettext("A sign-up whose email address was never confirmed"), gettext(
            "Deleted %(period)s after it was made."
        ) % {"period": _days(settings.RETENTION_UNVERIFIED_DAYS)}),
        (gettext("An account nobody signs in to"), ngettext(
            "Kept for %(years)d year after the last sign-in or, if later, after your last "
            "certificate stops being current. We then email you, and erase it %(period)s later "
            "unless you sign in.",
            "Kept for %(years)d years after the last sign-in or, if later, after your last "
            "certificate stops being current. We then email you, and erase it %(period)s later "
            "unless you sign in.",
            years,
        ) % {"years": years, "period": _days(settings.RETENTION_NOTICE_DAYS)}),
        (gettext("A download of your data"), gettext("Deleted %(period)s after it is made.") % {
            "period": _days(EXPORT_KEEP_DAYS)
        }),
        (gettext("Totals of training completed"), gettext(
            "Kept without your name or any link to you (the course, the date, the borough and the "
            "institution), so that London's figures stay right."
        )),
    ]


def privacy_notice_context() -> dict:
    return {
        "entries": privacy_entries(),
        "retention_rules": retention_rules(),
        "controller": settings.PRIVACY_CONTROLLER,
        "contact": settings.PRIVACY_CONTACT,
    }
