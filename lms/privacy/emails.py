"""The privacy app's kinds of email."""

from datetime import UTC

from django.utils.translation import gettext_lazy as _

from lms.notifications.registry import EmailKind, register, sample_person

EXPORT_READY = "privacy.export_ready"


def _sample():
    from datetime import datetime

    return sample_person(), {
        "download_url": "https://training.example.org/accounts/my-data/00000000-0000-0000-0000-000000000000/",
        "account_url": "https://training.example.org/accounts/profile/",
        "expires_at": datetime(2026, 12, 9, 10, 0, tzinfo=UTC),
    }


def register_kinds():
    register(
        EmailKind(
            key=EXPORT_READY,
            label=_("Your data is ready to download"),
            template="privacy/email/export_ready",
            reason=_("You are getting this email because you asked for a copy of your data on this site."),
            essential=True,
            sample=_sample,
        )
    )
