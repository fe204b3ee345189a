"""The certificates app's kinds of email, registered with the platform's email layer."""

from django.utils.translation import gettext_lazy as _

from lms.notifications.registry import EmailKind, register, sample_person

CERTIFICATE_ISSUED = "certificates.issued"


def _sample():
    from types import SimpleNamespace

    certificate = SimpleNamespace(
        learner_name="Alex Example", course_title="Suicide prevention: an introduction (sample)",
        display_code="ABCD-EFGH-JKMN-PQRS",
    )
    user = sample_person()
    return user, {
        "certificate": certificate,
        "page_url": "https://training.example.org/certificates/ABCD-EFGH-JKMN-PQRS/",
        "verify_url": "https://training.example.org/certificates/verify/ABCD-EFGH-JKMN-PQRS/",
    }


def _refresher_sample():
    from datetime import date

    user = sample_person()
    return user, {
        "stage": "1m", "course_title": "Youth Mental Health First Aid (sample)",
        "valid_until": date(2029, 3, 1),
        "course_url": "https://training.example.org/courses/youth-mhfa/",
        "certificate_url": "https://training.example.org/certificates/ABCD-EFGH-JKMN-PQRS/",
    }


def register_kinds():
    from .refreshers import REFRESHER, refresher_due

    register(
        EmailKind(
            key=REFRESHER,
            label=_("Reminders when your training needs refreshing"),
            template="certificates/email/refresher",
            reason=_(
                "You are getting this email because you hold a certificate from this site that "
                "counts for a limited time."
            ),
            find_due=refresher_due,
            sample=_refresher_sample,
        )
    )
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
