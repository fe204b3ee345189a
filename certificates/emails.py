"""The certificates app's kinds of email, registered with the platform's email layer."""

from datetime import date
from types import SimpleNamespace

from django.utils.translation import gettext_lazy as _

from lms.notifications.registry import EmailKind, Sample, register

CERTIFICATE_ISSUED = "certificates.issued"

_SAMPLE = Sample({
    "certificate": SimpleNamespace(
        learner_name="Alex Example", course_title="Suicide prevention: an introduction (sample)",
        display_code="ABCD-EFGH-JKMN-PQRS",
    ),
    "page_url": "https://training.example.org/certificates/ABCD-EFGH-JKMN-PQRS/",
    "verify_url": "https://training.example.org/certificates/verify/ABCD-EFGH-JKMN-PQRS/",
})
_REFRESHER_SAMPLE = Sample({
    "stage": "1m", "course_title": "Youth Mental Health First Aid (sample)",
    "valid_until": date(2029, 3, 1),
    "course_url": "https://training.example.org/courses/youth-mhfa/",
    "certificate_url": "https://training.example.org/certificates/ABCD-EFGH-JKMN-PQRS/",
})


def register_kinds():
    from .refreshers import REFRESHER, refresher_due

    register(EmailKind(
        key=REFRESHER, label=_("Reminders when your training needs refreshing"),
        reason=_(
            "You are getting this email because you hold a certificate from this site that "
            "counts for a limited time."
        ),
        find_due=refresher_due, sample=_REFRESHER_SAMPLE,
    ))
    register(EmailKind(
        key=CERTIFICATE_ISSUED, label=_("Your certificate is ready"),
        reason=_("You are getting this email because you completed a course on this site."),
        essential=True, sample=_SAMPLE,
    ))
