"""What the credentials app holds about a person: the digital credentials made from their
certificates (a salted hash of their email, and their name where they chose to show it).

Erasure revokes each credential (the status list keeps saying so, so a copy someone kept stops
verifying) and blanks what it held about the person; the row stays for its place in the status list.
Runs before the certificates' own erasure (entries are erased highest app first)."""

from django.utils.translation import gettext_lazy as _

from lms.privacy.exporting import export_rows
from lms.privacy.registry import PUBLIC_TASK, PersonalData, register_all

from .models import Credential


def _credentials(user):
    return export_rows(
        Credential.objects.filter(certificate__user=user).order_by("issued_at"),
        "uid", "with_name", "learner_name", "issued_at", "revoked_at", "revoked_reason",
        certificate_code="certificate__code",
    )


def _erase_credentials(user):
    from .services import credentials_withdraw

    credentials_withdraw(user=user)


def register_entries():
    register_all(
        PersonalData(
            "credentials.credentials", _("Digital credentials of your certificates"),
            ("credentials.Credential",), _credentials, _erase_credentials,
            purpose=_(
                "To let you prove a completion anywhere with a signed digital credential, and to let "
                "anyone check whether it is still valid."
            ),
            lawful_basis=PUBLIC_TASK,
            retention=_(
                "As long as the certificate. After erasure the credential is marked withdrawn and "
                "holds nothing about you."
            ),
        ),
    )
