"""The certificates app's kinds of email, registered with the platform's email layer."""

from django.utils.translation import gettext_lazy as _

from lms.notifications.registry import EmailKind, register

CERTIFICATE_ISSUED = "certificates.issued"


def _sample():
    from types import SimpleNamespace

    certificate = SimpleNamespace(
        learner_name="Alex Example", course_title="Suicide prevention: an introduction (sample)",
        display_code="ABCD-EFGH-JKMN-PQRS",
    )
    user = SimpleNamespace(pk=0, email="alex@example.org", preferred_language="")
    return user, {
        "certificate": certificate,
        "page_url": "https://training.example.org/certificates/ABCD-EFGH-JKMN-PQRS/",
        "verify_url": "https://training.example.org/certificates/verify/ABCD-EFGH-JKMN-PQRS/",
    }


def register_kinds():
    register(
        EmailKind(
            key=CERTIFICATE_ISSUED,
            label=_("Your certificate is ready"),
            template="certificates/email/issued",
            reason=_("You are getting this email because you completed a course on this site."),
            essential=True,
            sample=_sample,
        )
    )
